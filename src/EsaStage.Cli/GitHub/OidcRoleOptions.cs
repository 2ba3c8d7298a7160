using EsaStage.Core;

namespace EsaStage.Cli.GitHub;

/// <summary>
/// The RAM role to assume with a GitHub OIDC token (<c>--role-arn</c>, <c>--oidc-provider-arn</c>,
/// <c>--oidc-audience</c>): keyless credentials, with no long-lived secret in the repository.
/// </summary>
internal sealed record OidcRoleOptions
{
    /// <summary>The audience Alibaba Cloud STS expects unless the OIDC provider was set up with another.</summary>
    public const string DefaultAudience = "sts.aliyuncs.com";

    public string? RoleArn { get; init; }

    public string? ProviderArn { get; init; }

    public string? Audience { get; init; }

    /// <summary>Gets whether any of the options was given.</summary>
    public bool IsRequested =>
        !string.IsNullOrWhiteSpace(RoleArn) || !string.IsNullOrWhiteSpace(ProviderArn) ||
        !string.IsNullOrWhiteSpace(Audience);

    public string EffectiveAudience => string.IsNullOrWhiteSpace(Audience) ? DefaultAudience : Audience.Trim();

    /// <summary>Checks the options locally, before anything remote is asked.</summary>
    /// <exception cref="EsaStageException">An option is missing, blank or malformed.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(RoleArn) || string.IsNullOrWhiteSpace(ProviderArn))
        {
            var missing = string.IsNullOrWhiteSpace(RoleArn)
                ? "--role-arn (role-arn)"
                : "--oidc-provider-arn (oidc-provider-arn)";
            throw new EsaStageException(ErrorCodes.InvalidOidcOptions,
                $"Keyless credentials need both the RAM role and the OIDC provider, but {missing} is not set. " +
                "Give both ARNs, or neither to use an AccessKey.");
        }

        CheckArn(RoleArn, ":role/", "--role-arn (role-arn)", "acs:ram::<account id>:role/<role name>");
        CheckArn(ProviderArn, ":oidc-provider/", "--oidc-provider-arn (oidc-provider-arn)",
            "acs:ram::<account id>:oidc-provider/<provider name>");

        if (EffectiveAudience.Any(char.IsWhiteSpace))
        {
            throw new EsaStageException(ErrorCodes.InvalidOidcOptions,
                "--oidc-audience (oidc-audience) holds whitespace. Give the audience the OIDC provider was set up " +
                $"with; the default is {DefaultAudience}.");
        }
    }

    private static void CheckArn(string value, string kind, string name, string shape)
    {
        if (!value.StartsWith("acs:ram::", StringComparison.Ordinal) ||
            !value.Contains(kind, StringComparison.Ordinal) || value.Any(char.IsWhiteSpace))
        {
            throw new EsaStageException(ErrorCodes.InvalidOidcOptions,
                $"{name} is '{value}', which is not an ARN of the shape {shape}. Copy it from the RAM console.");
        }
    }
}
