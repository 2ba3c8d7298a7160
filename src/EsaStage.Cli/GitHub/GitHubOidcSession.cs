using EsaStage.Core;
using EsaStage.Core.Credentials;
using EsaStage.Core.Diagnostics;

namespace EsaStage.Cli.GitHub;

/// <summary>
/// Keyless credentials on GitHub Actions: requests the job's OIDC token, keeps it in a private file and points the
/// Alibaba Cloud OIDC variables at it, so the credentials chain assumes the RAM role with STS
/// <c>AssumeRoleWithOIDC</c>. Disposing deletes the file and restores the variables.
/// </summary>
/// <remarks>
/// The variables are the ones every official Alibaba Cloud SDK reads (<c>ALIBABA_CLOUD_ROLE_ARN</c>,
/// <c>ALIBABA_CLOUD_OIDC_PROVIDER_ARN</c>, <c>ALIBABA_CLOUD_OIDC_TOKEN_FILE</c>), set in this process only: a
/// token never reaches a later step, and the file lives only as long as the run that may refresh from it.
/// </remarks>
internal sealed class GitHubOidcSession : IDisposable
{
    public const string RoleArnVariable = "ALIBABA_CLOUD_ROLE_ARN";

    public const string ProviderArnVariable = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";

    public const string TokenFileVariable = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";

    private readonly string _directory;
    private readonly Action<string, string?> _setVariable;
    private readonly Dictionary<string, string?> _previous;
    private bool _keepTokenFile;

    private GitHubOidcSession(string directory, string tokenFile, Action<string, string?> setVariable,
        Dictionary<string, string?> previous)
    {
        _directory = directory;
        TokenFile = tokenFile;
        _setVariable = setVariable;
        _previous = previous;
    }

    /// <summary>Gets the file that holds the token.</summary>
    public string TokenFile { get; }

    /// <summary>
    /// Checks what can be checked locally: the options, that this is GitHub Actions, and that the job may request
    /// a token. Nothing remote is asked.
    /// </summary>
    /// <exception cref="EsaStageException">A check failed.</exception>
    public static void EnsureUsable(OidcRoleOptions options, Func<string, string?> getVariable)
    {
        options.Validate();
        if (!string.Equals(getVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new EsaStageException(ErrorCodes.OidcNotInGitHubActions,
                "--role-arn and --oidc-provider-arn take their OIDC token from GitHub Actions, and this is not a " +
                $"GitHub Actions job. Elsewhere set {RoleArnVariable}, {ProviderArnVariable} and " +
                $"{TokenFileVariable} yourself, or use an AccessKey.");
        }

        if (string.IsNullOrEmpty(getVariable(GitHubOidcTokenClient.RequestUrlVariable)))
        {
            throw GitHubOidcTokenClient.NotPermitted();
        }
    }

    /// <summary>Requests the token, writes it to a private file and sets the variables.</summary>
    /// <param name="options">The role to assume.</param>
    /// <param name="tokens">Asks GitHub for the token.</param>
    /// <param name="log">Masks the token and reports.</param>
    /// <param name="getVariable">Reads a variable of this process.</param>
    /// <param name="setVariable">Sets (or with <see langword="null"/> removes) a variable of this process.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The session; dispose it when the run ends.</returns>
    public static async Task<GitHubOidcSession> StartAsync(OidcRoleOptions options, GitHubOidcTokenClient tokens,
        IStageLog log, Func<string, string?> getVariable, Action<string, string?> setVariable,
        CancellationToken cancellationToken)
    {
        EnsureUsable(options, getVariable);
        log.MaskSecret(tokens.RequestToken ?? string.Empty);

        var token = await tokens.RequestAsync(options.EffectiveAudience, cancellationToken);
        log.MaskSecret(token);

        var directory = CreatePrivateDirectory(getVariable("RUNNER_TEMP"));
        var tokenFile = Path.Combine(directory, "github-oidc-token.jwt");
        WritePrivateFile(tokenFile, token);

        var previous = new Dictionary<string, string?>();
        foreach (var (name, value) in new[]
        {
            (RoleArnVariable, options.RoleArn!), (ProviderArnVariable, options.ProviderArn!),
            (TokenFileVariable, tokenFile),
        })
        {
            previous[name] = getVariable(name);
            setVariable(name, value);
        }

        log.Info($"Got a GitHub OIDC token for audience '{options.EffectiveAudience}'; the role {options.RoleArn} " +
            "is assumed with it.");
        if (!string.IsNullOrEmpty(getVariable(EnvironmentCredentialProvider.AccessKeyIdVariable)))
        {
            log.Warning(ErrorCodes.OidcShadowedByAccessKey,
                $"{EnvironmentCredentialProvider.AccessKeyIdVariable} is set too, and an AccessKey in the " +
                "environment comes first in the credentials chain, so the OIDC role is not used. Remove the " +
                "AccessKey from the step's environment to stage keyless.");
        }

        return new GitHubOidcSession(directory, tokenFile, setVariable, previous);
    }

    /// <summary>
    /// Leaves the token file in place when the session ends, for another process to read (the action's
    /// <c>dotnet build</c>); whoever asked for it deletes it.
    /// </summary>
    /// <returns>The token file.</returns>
    public string KeepTokenFile()
    {
        _keepTokenFile = true;
        return TokenFile;
    }

    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            _setVariable(name, value);
        }

        if (_keepTokenFile)
        {
            return;
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The runner empties RUNNER_TEMP after the job, so a file that cannot go now goes then.
        }
    }

    private static string CreatePrivateDirectory(string? runnerTemp)
    {
        // CreateTempSubdirectory makes the folder readable by its owner only on Unix.
        if (string.IsNullOrEmpty(runnerTemp) || !Directory.Exists(runnerTemp))
        {
            return Directory.CreateTempSubdirectory("esa-stage-oidc-").FullName;
        }

        var directory = Path.Combine(runnerTemp, "esa-stage-oidc-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite |
                UnixFileMode.UserExecute);
        }

        return directory;
    }

    private static void WritePrivateFile(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, new System.Text.UTF8Encoding(false), options);
        writer.Write(content);
    }
}
