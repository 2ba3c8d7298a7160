using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EsaStage.Emulator.Esa;
using EsaStage.Emulator.Hosting;

namespace EsaStage.Emulator.Sts;

/// <summary><c>AssumeRole</c> and <c>AssumeRoleWithOIDC</c>: check the role request, issue a credential.</summary>
/// <remarks>
/// Any well-formed role ARN is assumable and any well-formed, unexpired OIDC token is trusted: the emulator keeps
/// no RAM roles or identity providers and cannot check a token's signature. Durations run from 900 s to 3600 s,
/// the default maximum of a RAM role.
/// </remarks>
internal static partial class StsOperations
{
    public const string ApiVersion = "2015-04-01";

    private const int MinDuration = 900;
    private const int MaxDuration = 3600;

    public static Action<Utf8JsonWriter> AssumeRole(StsCall call) => Issue(call, ReadRole(call));

    public static Action<Utf8JsonWriter> AssumeRoleWithOidc(StsCall call)
    {
        var role = ReadRole(call);
        var provider = call.Required("OIDCProviderArn");
        if (!ProviderArnPattern().IsMatch(provider))
        {
            throw new EsaException(EsaError.BadRequest("InvalidParameter.OIDCProviderArn",
                "The OIDCProviderArn must look like acs:ram::<account>:oidc-provider/<name>."));
        }

        var token = OidcToken.Read(call.Required("OIDCToken"), call.Emulator.Time.GetUtcNow());
        var issue = Issue(call, role);
        return w =>
        {
            issue(w);
            w.WriteStartObject("OIDCTokenInfo");
            w.WriteString("Subject", token.Subject);
            w.WriteString("Issuer", token.Issuer);
            w.WriteString("ClientIds", token.Audience);
            w.WriteString("ExpirationTime", EsaFormat.Time(token.Expiration));
            w.WriteString("IssuanceTime", EsaFormat.Time(token.IssuedAt));
            w.WriteEndObject();
        };
    }

    private static (string Arn, string Name, string Session, int Duration) ReadRole(StsCall call)
    {
        var arn = call.Required("RoleArn");
        var match = RoleArnPattern().Match(arn);
        if (!match.Success)
        {
            throw new EsaException(EsaError.BadRequest("InvalidParameter.RoleArn",
                "The RoleArn must look like acs:ram::<account>:role/<name>."));
        }

        var session = call.Required("RoleSessionName");
        if (!SessionNamePattern().IsMatch(session))
        {
            throw new EsaException(EsaError.BadRequest("InvalidParameter.RoleSessionName",
                "The RoleSessionName must be 2 to 64 letters, digits and .@-_ characters."));
        }

        var durationText = call.Optional("DurationSeconds");
        var duration = 3600;
        if (!string.IsNullOrEmpty(durationText)
            && (!int.TryParse(durationText, NumberStyles.None, CultureInfo.InvariantCulture, out duration)
                || duration < MinDuration || duration > MaxDuration))
        {
            throw new EsaException(EsaError.BadRequest("InvalidParameter.DurationSeconds",
                $"The DurationSeconds must be from {MinDuration} to {MaxDuration} (the role's maximum)."));
        }

        return (arn, match.Groups["account"].Value + ":" + match.Groups["name"].Value, session, duration);
    }

    private static Action<Utf8JsonWriter> Issue(StsCall call,
        (string Arn, string Name, string Session, int Duration) role)
    {
        var credential = call.Emulator.IssueTemporaryCredential(TimeSpan.FromSeconds(role.Duration));
        var account = role.Name[..role.Name.IndexOf(':', StringComparison.Ordinal)];
        var roleName = role.Name[(account.Length + 1)..];
        return w =>
        {
            w.WriteStartObject("AssumedRoleUser");
            w.WriteString("Arn", $"acs:ram::{account}:assumed-role/{roleName}/{role.Session}");
            w.WriteString("AssumedRoleId", "3" + RandomText.Digits(17) + ":" + role.Session);
            w.WriteEndObject();
            w.WriteStartObject("Credentials");
            w.WriteString("AccessKeyId", credential.AccessKeyId);
            w.WriteString("AccessKeySecret", credential.AccessKeySecret);
            w.WriteString("SecurityToken", credential.SecurityToken);
            w.WriteString("Expiration", EsaFormat.Time(credential.Expiration!.Value));
            w.WriteEndObject();
        };
    }

    [GeneratedRegex(@"^acs:ram::(?<account>[0-9]+):role/(?<name>[A-Za-z0-9._@-]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^acs:ram::[0-9]+:oidc-provider/[A-Za-z0-9._-]+$", RegexOptions.IgnoreCase)]
    private static partial Regex ProviderArnPattern();

    [GeneratedRegex(@"^[A-Za-z0-9.@_-]{2,64}$")]
    private static partial Regex SessionNamePattern();
}
