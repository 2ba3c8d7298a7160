namespace EsaStage.Core.Credentials;

/// <summary>
/// Reads an AccessKey from environment variables, in the name families other Alibaba Cloud tools use: the SDKs'
/// <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c>, <c>ALIBABA_CLOUD_ACCESS_KEY_SECRET</c> and <c>ALIBABA_CLOUD_SECURITY_TOKEN</c>;
/// the ESA CLI's <c>ESA_ACCESS_KEY_ID</c>, <c>ESA_ACCESS_KEY_SECRET</c> and <c>ESA_SECURITY_TOKEN</c>; and the extra
/// names the official GitHub credentials action exports (<c>ALIBABACLOUD_ACCESS_KEY_ID</c>…,
/// <c>ALICLOUD_ACCESS_KEY</c>…).
/// The first family with a value set wins.
/// </summary>
/// <remarks>
/// A value with surrounding whitespace (a secret pasted with a trailing newline, a common CI mistake) is refused
/// locally instead of trimmed: the server would answer <c>SignatureDoesNotMatch</c>, and silently trimming would
/// hide a secret that is stored wrong everywhere else too. Messages name the variable, never its value. An empty
/// value counts as unset, as the GitHub action's clean-up step leaves its variables empty.
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

    /// <summary>Gets the variable families read, in order: (ID, secret, token).</summary>
    public static IReadOnlyList<(string Id, string Secret, string Token)> Families { get; } =
    [
        (AccessKeyIdVariable, AccessKeySecretVariable, SecurityTokenVariable),
        ("ESA_ACCESS_KEY_ID", "ESA_ACCESS_KEY_SECRET", "ESA_SECURITY_TOKEN"),
        ("ALIBABACLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_SECRET", "ALIBABACLOUD_SECURITY_TOKEN"),
        ("ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY", "ALICLOUD_SECURITY_TOKEN"),
    ];

    /// <summary>Reads the credential, or <see langword="null"/> when no family is set.</summary>
    /// <returns>The credential, or <see langword="null"/>.</returns>
    /// <exception cref="EsaStageException">A variable is set but unusable.</exception>
    public AccessKeyCredential? TryRead()
    {
        foreach (var (idName, secretName, tokenName) in Families)
        {
            var id = Read(idName);
            var secret = Read(secretName);
            if (id is null && secret is null)
            {
                continue;
            }

            if (id is null || secret is null)
            {
                var missing = id is null ? idName : secretName;
                var present = id is null ? secretName : idName;
                throw new EsaStageException(ErrorCodes.InvalidCredentials,
                    $"{present} is set but {missing} is not. Set both, or neither to use another credential source.");
            }

            return new AccessKeyCredential(id, secret, Read(tokenName))
            {
                Source = $"environment variables {idName} and {secretName}",
            };
        }

        return null;
    }

    /// <inheritdoc/>
    public ValueTask<AccessKeyCredential> GetCredentialAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryRead() ?? throw new EsaStageException(ErrorCodes.CredentialsNotFound,
            $"No credentials found: set {AccessKeyIdVariable} and {AccessKeySecretVariable} " +
            $"(and {SecurityTokenVariable} for temporary credentials)."));

    private string? Read(string name) => CredentialValues.Check(_getVariable(name), name);
}
