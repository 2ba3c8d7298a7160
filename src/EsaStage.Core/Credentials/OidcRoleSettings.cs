using EsaStage.Core.Sts;

namespace EsaStage.Core.Credentials;

/// <summary>An OIDC role: the role, the identity provider, and the file that holds the OIDC token.</summary>
/// <param name="Role">The role, session and duration.</param>
/// <param name="ProviderArn">The OIDC identity provider's ARN.</param>
/// <param name="TokenFile">The file holding the OIDC token (a JWT).</param>
/// <param name="TokenFileSetting">Where the file's path came from, for messages.</param>
/// <param name="StsEndpoint">An explicit STS endpoint, or <see langword="null"/>.</param>
/// <param name="StsRegion">An STS region, or <see langword="null"/>.</param>
public sealed record OidcRoleSettings(StsRoleRequest Role, string ProviderArn, string TokenFile,
    string TokenFileSetting, string? StsEndpoint = null, string? StsRegion = null);
