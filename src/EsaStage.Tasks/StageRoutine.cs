using EsaStage.Core;
using EsaStage.Core.Ci;
using EsaStage.Core.Staging;
using EsaStage.Tasks.Config;
using EsaStage.Tasks.Logging;
using Microsoft.Build.Framework;

namespace EsaStage.Tasks;

/// <summary>
/// Stages an ESA Edge Routine's code from a build: maps the project's properties to a <see cref="StageRequest"/>,
/// runs the core's staging pipeline, and hands the CodeVersion back to MSBuild and to the CI system around it.
/// </summary>
/// <remarks>
/// Credentials are read from the environment inside the task, never taken as parameters: MSBuild logs every task
/// parameter, in binary logs too.
/// </remarks>
public sealed class StageRoutine : Microsoft.Build.Utilities.Task, ICancelableTask, IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly Func<string, string?> _getVariable;

    /// <summary>Creates the task over the process environment.</summary>
    public StageRoutine()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Creates the task over the given environment lookup.</summary>
    /// <param name="getVariable">Reads an environment variable: credentials and CI variables.</param>
    internal StageRoutine(Func<string, string?> getVariable) => _getVariable = getVariable;

    /// <summary>Gets or sets the project file, which errors about the project's properties point at.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>Gets or sets the routine name; when empty, <c>name</c> in the routine's config file.</summary>
    public string? RoutineName { get; set; }

    /// <summary>Gets or sets the code file, relative to the project; when empty, <c>entry</c> in the config.</summary>
    public string? CodeFile { get; set; }

    /// <summary>Gets or sets the code description; a blank one is not sent.</summary>
    public string? CodeDescription { get; set; }

    /// <summary>Gets or sets the ESA OpenAPI endpoint (host, <c>host:port</c> or URL); wins over the region.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Gets or sets the region whose endpoint to use, e.g. <c>ap-southeast-1</c>.</summary>
    public string? Region { get; set; }

    /// <summary>Gets or sets a value indicating whether to commit the staging code to a formal version.</summary>
    public bool Commit { get; set; }

    /// <summary>Gets or sets the environment to publish to, <c>staging</c> or <c>production</c>.</summary>
    /// <remarks>Publishing commits first.</remarks>
    public string? PublishEnvironment { get; set; }

    /// <summary>Gets or sets a value indicating whether to stage against a private built-in emulator.</summary>
    public bool Emulator { get; set; }

    /// <summary>Gets or sets a value indicating whether to stage even when the stamp says nothing changed.</summary>
    public bool ForceStage { get; set; }

    /// <summary>
    /// Gets or sets whether, when the routine has no free code version, the oldest versions deployed nowhere are
    /// deleted to make room (<c>EsaPruneOldVersions</c>).
    /// </summary>
    public bool PruneOldVersions { get; set; }

    /// <summary>Gets or sets the file that keeps the last staging; empty for no reuse.</summary>
    public string? StampFile { get; set; }

    /// <summary>Gets or sets the project's folder: where relative paths and the routine config are found.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>Gets the staged CodeVersion, 19 digits; empty when staging failed.</summary>
    [Output]
    public string? CodeVersion { get; private set; }

    /// <summary>Gets the committed CodeVersion, when a commit was asked for.</summary>
    [Output]
    public string? CommittedCodeVersion { get; private set; }

    /// <summary>Gets the environment published to, when a publish was asked for.</summary>
    [Output]
    public string? PublishedEnvironment { get; private set; }

    /// <summary>Gets a value indicating whether the last staging was reused, with no remote call.</summary>
    [Output]
    public bool Reused { get; private set; }

    /// <inheritdoc/>
    public void Cancel() => _cancellation.Cancel();

    /// <inheritdoc/>
    public override bool Execute()
    {
        using var commands = new TaskLogWriter(Log);
        var ci = CiSinks.Detect(_getVariable, commands);
        var log = new TaskStageLog(Log, ci, ProjectFile ?? BuildEngine?.ProjectFileOfTaskNode);
        log.Detail($"EsaStageTask {ProductInfo.Version} runs from {typeof(StageRoutine).Assembly.Location}.");
        try
        {
            var outcome = System.Threading.Tasks.Task.Run(() => StageAsync(log, _cancellation.Token))
                .GetAwaiter().GetResult();
            Report(outcome, log, ci);
        }
        catch (RoutineConfigException ex)
        {
            log.Error(ex.ErrorCode, ex.Message, ex.FilePath, ex.Line, ex.Column);
        }
        catch (EsaStageException ex)
        {
            log.Error(ex.ErrorCode, ex.Message, ex.FilePath);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            log.Error(ErrorCodes.Cancelled, "Staging was cancelled. No code version is reported.", null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Error(ErrorCodes.Unexpected, $"A file could not be read or written: {ex.Message}", null);
        }

        return !Log.HasLoggedErrors;
    }

    /// <inheritdoc/>
    public void Dispose() => _cancellation.Dispose();

    private async Task<StageOutcome> StageAsync(TaskStageLog log, CancellationToken cancellationToken)
    {
        var request = CreateRequest(log);
        var stager = new RoutineStager(log, _getVariable);
        if (Emulator)
        {
            return await stager.StageOnEmulatorAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return await stager.StageAsync(request, Given(Endpoint), Given(Region), Given(StampFile), ForceStage,
            cancellationToken).ConfigureAwait(false);
    }

    private StageRequest CreateRequest(TaskStageLog log)
    {
        var config = Given(RoutineName) is null || Given(CodeFile) is null
            ? RoutineConfigReader.Read(ProjectDirectory)
            : null;
        if (config is not null)
        {
            log.Detail($"Read the routine's name and entry from {config.Path}.");
        }

        var name = Given(RoutineName) ?? config?.Name ?? throw new EsaStageException(ErrorCodes.InvalidRoutineName,
            "EsaRoutineName is not set" + Missing(config, "name")) { FilePath = config?.Path };

        var codeFile = Given(CodeFile) is { } file ? Path.GetFullPath(file, ProjectDirectory)
            : config?.Entry is { } entry ? Path.GetFullPath(entry, Path.GetDirectoryName(config.Path)!)
            : throw new EsaStageException(ErrorCodes.CodeFileNotFound,
                "EsaCodeFile is not set" + Missing(config, "entry")) { FilePath = config?.Path };

        return new StageRequest
        {
            RoutineName = name,
            CodeFile = codeFile,
            Description = CodeDescription,
            Commit = Commit,
            Publish = PublishEnvironments.Parse(PublishEnvironment, "EsaPublishEnvironment"),
            PruneOldVersions = PruneOldVersions,
        };
    }

    private string Missing(RoutineConfig? config, string key) => config is null
        ? $" and {ProjectDirectory} has no {RoutineConfigReader.JsoncFileName} or " +
            $"{RoutineConfigReader.TomlFileName}. " +
            $"Set it in the project, or add the {RoutineConfigReader.JsoncFileName} that Alibaba's ESA CLI writes."
        : $" and {config.Path} has no \"{key}\". Set it in the project or in that file.";

    private void Report(StageOutcome outcome, TaskStageLog log, ICiSink ci)
    {
        var result = outcome.Result;
        CodeVersion = result.CodeVersion;
        CommittedCodeVersion = result.CommittedCodeVersion;
        PublishedEnvironment = result.PublishedEnvironment;
        Reused = outcome.Reused;

        var what = outcome.Reused
            ? $"reused code version {result.CodeVersion}, staged earlier from the same code (sha256 " +
                $"{result.Sha256}); nothing was sent. Set EsaForceStage=true to stage anyway"
            : $"staged code version {result.CodeVersion} ({result.Bytes:N0} bytes)";
        var committed = result.CommittedCodeVersion is null ? string.Empty
            : $"; committed as {result.CommittedCodeVersion}";
        var published = result.PublishedEnvironment is null ? string.Empty
            : $", published to {result.PublishedEnvironment}";
        log.Result($"Routine '{result.Routine}': {what}{committed}{published}.");

        CiResultPublisher.Publish(ci, log, result);
    }

    private static string? Given(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
