using System.Collections;
using System.Collections.Concurrent;
using Microsoft.Build.Framework;

namespace EsaStage.Tasks.Tests.TestSupport;

/// <summary>An MSBuild engine that records what a task logs.</summary>
internal sealed class FakeBuildEngine(string projectFile) : IBuildEngine
{
    public ConcurrentQueue<BuildErrorEventArgs> Errors { get; } = new();

    public ConcurrentQueue<BuildWarningEventArgs> Warnings { get; } = new();

    public ConcurrentQueue<BuildMessageEventArgs> Messages { get; } = new();

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    /// <summary>Gets the file that holds the task's element: in a package build, the package's targets file.</summary>
    public string ProjectFileOfTaskNode => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(projectFile)!,
        "packages", "esastagetask", "build", "EsaStageTask.targets");

    /// <summary>Gets every logged text, messages, warnings and errors, one per line.</summary>
    public string AllText => string.Join('\n',
        Messages.Select(m => m.Message).Concat(Warnings.Select(w => w.Message)).Concat(Errors.Select(e => e.Message)));

    public IEnumerable<string> HighImportanceMessages =>
        Messages.Where(m => m.Importance == MessageImportance.High).Select(m => m.Message ?? string.Empty);

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties,
        IDictionary targetOutputs) => throw new NotSupportedException();

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Enqueue(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Enqueue(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Enqueue(e);
}
