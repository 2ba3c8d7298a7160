namespace EsaStage.Core.Sts;

/// <summary>The role to assume and for how long.</summary>
/// <param name="RoleArn">The role's ARN, <c>acs:ram::&lt;account&gt;:role/&lt;name&gt;</c>.</param>
/// <param name="SessionName">The session name: 2 to 32 letters, digits and <c>.@-_</c>.</param>
/// <param name="DurationSeconds">How long the credential lives: 900 up to the role's maximum.</param>
/// <param name="Policy">A policy that narrows the role's permissions, or <see langword="null"/>.</param>
/// <param name="ExternalId">The external id the role's trust policy asks for (AssumeRole only).</param>
public sealed record StsRoleRequest(string RoleArn, string SessionName, int DurationSeconds = 3600,
    string? Policy = null, string? ExternalId = null)
{
    /// <summary>The shortest duration STS grants.</summary>
    public const int MinDurationSeconds = 900;
}
