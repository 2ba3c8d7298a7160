namespace EsaStage.Core.Credentials;

/// <summary>
/// Reads <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c>, <c>ALIBABA_CLOUD_ACCESS_KEY_SECRET</c> and the optional
/// <c>ALIBABA_CLOUD_SECURITY_TOKEN</c>, the variables every official Alibaba Cloud SDK reads first.
/// </summary>
/// <remarks>
/// A value with surrounding whitespace (a secret pasted with a trailing newline, a common CI mistake) is refused
/// locally instead of trimmed: the server would answer <c>SignatureDoesNotMatch</c>, and silently trimming would
/// hide a secret that is stored wrong everywhere else too. Messages name the variable, never its value.
/// </remarks>
public sealed class EnvironmentCredentialProvider : ICredentialProvider
{
    /// <summary>The AccessKey ID variable.</summary>
    public const string AccessKeyIdVariable = "ALIBABA_CLOUD_ACCESS_KEY_ID";

    /// <summary>The AccessKey secret variable.</summary>
    public const string AccessKeySecretVariable = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";

    /// <summary>The STS security token variable.</summary>
    public const string SecurityTokenVariable = "ALIBABA_CLOUD_SECURITY_TOKEN";

    private readonly Func<string, string?> _getVariable;

    /// <summary>Creates a provider over the process environment.</summary>
    public EnvironmentCredentialProvider()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Creates a provider over the given variable lookup.</summary>
    /// <param name="getVariable">Returns a variable's value, or <see langword="null"/> when it is not set.</param>
    public EnvironmentCredentialProvider(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        _getVariable = getVariable;
    }

    /// <summary>Reads the credential, or <see langword="null"/> when the variables are not set.</summary>
    /// <returns>The credential, or <see langword="null"/>.</returns>
    /// <exception cref="EsaStageException">A variable is set but unusable.</exception>
    public AccessKeyCredential? TryRead()
    {
        var id = Read(AccessKeyIdVariable);
        var secret = Read(AccessKeySecretVariable);
        var token = Read(SecurityTokenVariable);

        if (id is null && secret is null)
        {
            return null;
        }

        if (id is null || secret is null)
        {
            var missing = id is null ? AccessKeyIdVariable : AccessKeySecretVariable;
            var present = id is null ? AccessKeySecretVariable : AccessKeyIdVariable;
            throw new EsaStageException(ErrorCodes.InvalidCredentials,
                $"{present} is set but {missing} is not. Set both, or neither to use another credential source.");
        }

        return new AccessKeyCredential(id, secret, token) { Source = "environment" };
    }

    /// <inheritdoc/>
    public ValueTask<AccessKeyCredential> GetCredentialAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryRead() ?? throw new EsaStageException(ErrorCodes.CredentialsNotFound,
            $"No credentials found: set {AccessKeyIdVariable} and {AccessKeySecretVariable} " +
            $"(and {SecurityTokenVariable} for temporary credentials)."));

    private string? Read(string name)
    {
        var value = _getVariable(name);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new EsaStageException(ErrorCodes.InvalidCredentials,
                $"{name} is set but holds only whitespace. Set it to the real value or unset it.");
        }

        if (value.Trim().Length != value.Length)
        {
            throw new EsaStageException(ErrorCodes.InvalidCredentials,
                $"{name} has leading or trailing whitespace (often a newline pasted with the secret). " +
                "Store the value without it; the value is not shown here.");
        }

        if (!value.All(c => c is > ' ' and < '\x7f'))
        {
            throw new EsaStageException(ErrorCodes.InvalidCredentials,
                $"{name} holds a character that cannot be part of an AccessKey or token (a space, a control " +
                "character or a non-ASCII letter). Copy the value again from the RAM console; it is not shown here.");
        }

        return value;
    }
}
