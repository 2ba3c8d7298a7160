using System.Net;
using EsaStage.Core.Sts;

namespace EsaStage.Core.Credentials;

/// <summary>
/// The credentials chain of every front door, in the official SDKs' order: environment variables, an OIDC role,
/// the Alibaba Cloud CLI profile, the shared credentials file, the ECS instance RAM role, and
/// <c>ALIBABA_CLOUD_CREDENTIALS_URI</c>.
/// </summary>
/// <example>
/// <code>
/// using var credentials = DefaultCredentialChain.Create(new CredentialChainOptions { Log = log });
/// var client = new EsaClient(http, endpoint, credentials, log: log);
/// </code>
/// </example>
public static class DefaultCredentialChain
{
    /// <summary>Creates the chain. Nothing is read until credentials are first asked for.</summary>
    /// <param name="options">Profile, log, clock and test settings; <see langword="null"/> for the defaults.</param>
    /// <returns>The chain; dispose it to release its HTTP connections.</returns>
    public static CredentialChain Create(CredentialChainOptions? options = null)
    {
        options ??= new CredentialChainOptions();
        var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = true,
        })
        {
            Timeout = options.Timeout,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(ProductInfo.UserAgent);

        var context = new CredentialSourceContext(options, http);
        CredentialSource[] sources =
        [
            CredentialSource.Sync("environment", () => Environment(context)),
            CredentialSource.Sync("OIDC role", () => OidcRole(context)),
            CredentialSource.Sync("Alibaba Cloud CLI profile", () => CliProfileSource.Resolve(context)),
            CredentialSource.Sync("shared credentials file", () => SharedCredentialsFileSource.Resolve(context)),
            new("ECS instance RAM role", token => EcsRamRoleAsync(context, token)),
            CredentialSource.Sync("credentials URI", () => CredentialsUri(context)),
        ];
        return new CredentialChain(sources, context.Log, http);
    }

    private static CredentialSourceMatch Environment(CredentialSourceContext context)
    {
        var credential = new EnvironmentCredentialProvider(context.Variable).TryRead();
        return credential is null
            ? CredentialSourceMatch.NotFound(string.Join(", ",
                EnvironmentCredentialProvider.Families.Select(f => f.Id)) + " and their secrets are not set")
            : new CredentialSourceMatch(new StaticCredentialProvider(credential), credential.Source);
    }

    private static CredentialSourceMatch OidcRole(CredentialSourceContext context)
    {
        string[] required =
            ["ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE"];
        var missing = required.Where(n => context.Variable(n) is null).ToList();
        if (missing.Count > 0)
        {
            return CredentialSourceMatch.NotFound(missing.Count == required.Length
                ? "ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE are " +
                  "not set"
                : string.Join(" and ", missing) + " not set (all three are needed)");
        }

        var first = OidcSettingsFromEnvironment(context);
        return new CredentialSourceMatch(
            RoleCredentialProviders.AssumeRoleWithOidc(() => OidcSettingsFromEnvironment(context),
                settings => context.Sts(), context.Time, context.Log),
            $"OIDC role {first.Role.RoleArn} (ALIBABA_CLOUD_ROLE_ARN)");
    }

    private static OidcRoleSettings OidcSettingsFromEnvironment(CredentialSourceContext context)
    {
        string Required(string name) => CredentialValues.Require(context.Variable(name), name, keyMaterial: false);

        var role = new StsRoleRequest(Required("ALIBABA_CLOUD_ROLE_ARN"),
            CredentialValues.Check(context.Variable("ALIBABA_CLOUD_ROLE_SESSION_NAME"),
                "ALIBABA_CLOUD_ROLE_SESSION_NAME", keyMaterial: false) ?? context.SessionName());
        return new OidcRoleSettings(role, Required("ALIBABA_CLOUD_OIDC_PROVIDER_ARN"),
            Required("ALIBABA_CLOUD_OIDC_TOKEN_FILE"), "ALIBABA_CLOUD_OIDC_TOKEN_FILE");
    }

    private static async Task<CredentialSourceMatch> EcsRamRoleAsync(CredentialSourceContext context,
        CancellationToken cancellationToken)
    {
        if (context.Flag("ALIBABA_CLOUD_ECS_METADATA_DISABLED"))
        {
            return CredentialSourceMatch.NotFound("ALIBABA_CLOUD_ECS_METADATA_DISABLED=true");
        }

        var provider = EcsRamRole(context, context.Variable("ALIBABA_CLOUD_ECS_METADATA"));
        try
        {
            await provider.GetCredentialAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MetadataUnreachableException ex)
        {
            provider.Dispose();
            return CredentialSourceMatch.NotFound("the metadata service: " + ex.Message);
        }

        return new CredentialSourceMatch(provider,
            $"ECS instance RAM role (metadata service at {context.Options.EcsMetadataEndpoint.Authority})");
    }

    /// <summary>The ECS RAM role provider, also used by <c>EcsRamRole</c> profiles.</summary>
    internal static RefreshingCredentialProvider EcsRamRole(CredentialSourceContext context, string? roleName)
    {
        var metadata = new EcsMetadataCredentials(context.Http, context.Options.EcsMetadataEndpoint, roleName,
            context.Flag("ALIBABA_CLOUD_IMDSV1_DISABLED"), context.Options.MetadataTimeout);
        return new RefreshingCredentialProvider(metadata.FetchAsync, context.Time);
    }

    private static CredentialSourceMatch CredentialsUri(CredentialSourceContext context)
    {
        var value = context.Variable("ALIBABA_CLOUD_CREDENTIALS_URI");
        if (value is null)
        {
            return CredentialSourceMatch.NotFound("ALIBABA_CLOUD_CREDENTIALS_URI is not set");
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new EsaStageException(ErrorCodes.InvalidCredentials,
                "ALIBABA_CLOUD_CREDENTIALS_URI is not an http or https URL.");
        }

        return new CredentialSourceMatch(
            new RefreshingCredentialProvider(token => CredentialsUriSource.FetchAsync(context.Http, uri, token),
                context.Time),
            $"ALIBABA_CLOUD_CREDENTIALS_URI ({uri.GetLeftPart(UriPartial.Path)})");
    }
}
