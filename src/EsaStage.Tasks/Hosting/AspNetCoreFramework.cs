using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using EsaStage.Core;

namespace EsaStage.Tasks.Hosting;

/// <summary>
/// Lets the task's load context find ASP.NET Core, which the built-in emulator runs on.
/// </summary>
/// <remarks>
/// MSBuild on .NET runs on <c>Microsoft.NETCore.App</c> alone and loads a task's own assemblies from the task's
/// folder; the shared <c>Microsoft.AspNetCore.App</c> framework is neither. It sits beside the running runtime in
/// the same dotnet installation (<c>shared/Microsoft.AspNetCore.App/&lt;version&gt;</c>), so assemblies the task's
/// context cannot resolve are looked up there: the same version as the runtime when present, else the newest
/// with the same major version. Only an <c>EsaEmulator=true</c> build needs this.
/// </remarks>
internal static class AspNetCoreFramework
{
    private const string FrameworkName = "Microsoft.AspNetCore.App";

    private static readonly Lock Gate = new();
    private static string? _directory;

    /// <summary>Makes ASP.NET Core loadable in the task's context; does nothing after the first call.</summary>
    /// <exception cref="EsaStageException">The dotnet installation has no matching ASP.NET Core runtime.</exception>
    public static void EnsureLoadable()
    {
        lock (Gate)
        {
            if (_directory is not null)
            {
                return;
            }

            var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
            _directory = FindFramework(runtimeDirectory) ?? throw new EsaStageException(
                ErrorCodes.UnsupportedBuildHost,
                $"EsaEmulator=true needs the ASP.NET Core {Environment.Version.Major} runtime ({FrameworkName}) " +
                $"beside the .NET runtime in {Path.GetDirectoryName(Path.GetDirectoryName(runtimeDirectory))}. " +
                "Install the .NET SDK or the ASP.NET Core runtime of that version.");

            var context = AssemblyLoadContext.GetLoadContext(typeof(AspNetCoreFramework).Assembly)
                ?? AssemblyLoadContext.Default;
            context.Resolving += Resolve;
        }
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        var candidate = Path.Combine(_directory!, name.Name + ".dll");
        return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
    }

    private static string? FindFramework(string runtimeDirectory)
    {
        // The runtime lives in <dotnet>/shared/Microsoft.NETCore.App/<version>.
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(runtimeDirectory));
        var frameworks = shared is null ? null : Path.Combine(shared, FrameworkName);
        if (frameworks is null || !Directory.Exists(frameworks))
        {
            return null;
        }

        var exact = Path.Combine(frameworks, Path.GetFileName(runtimeDirectory));
        if (Directory.Exists(exact))
        {
            return exact;
        }

        var major = Environment.Version.Major;
        return Directory.EnumerateDirectories(frameworks)
            .Select(d => (Path: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(d => d.Version?.Major == major)
            .OrderByDescending(d => d.Version)
            .Select(d => d.Path)
            .FirstOrDefault();
    }
}
