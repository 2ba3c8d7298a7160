using System.Globalization;
using System.Text.Json;
using EsaStage.Core.Api;
using EsaStage.Core.Sts;

namespace EsaStage.Core.Credentials;

/// <summary>
/// Reads the Alibaba Cloud CLI's profile file, <c>~/.aliyun/config.json</c>: the profile named by
/// <c>--profile</c>, else <c>ALIBABA_CLOUD_PROFILE</c>, else the file's <c>current</c>. Modes <c>AK</c>,
/// <c>StsToken</c>, <c>RamRoleArn</c>, <c>ChainableRamRoleArn</c>, <c>OIDC</c> and <c>EcsRamRole</c> are supported;
/// the single-sign-on and external-process modes are not.
/// </summary>
internal static class CliProfileSource
{
    private const int MaxChainDepth = 5;

    private static readonly HashSet<string> KeyFields = ["access_key_id", "access_key_secret", "sts_token"];

    public static CredentialSourceMatch Resolve(CredentialSourceContext context)
    {
        if (context.Flag("ALIBABA_CLOUD_CLI_PROFILE_DISABLED"))
        {
            return CredentialSourceMatch.NotFound("ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true");
        }

        var path = Path.Combine(context.Home, ".aliyun", "config.json");
        if (!File.Exists(path))
        {
            return CredentialSourceMatch.NotFound($"{path} does not exist");
        }

        using var document = Parse(path);
        var root = document.RootElement;
        var name = context.Options.Profile ?? context.Variable("ALIBABA_CLOUD_PROFILE")
            ?? Text(root, "current") ?? "default";
        if (Find(root, name) is not { } profile)
        {
            return CredentialSourceMatch.NotFound($"{path} has no profile '{name}'");
        }

        var provider = ProviderFor(context, root, profile, name, path, depth: 0);
        return new CredentialSourceMatch(provider, $"CLI profile '{name}' ({Text(profile, "mode")}) in {path}");
    }

    private static ICredentialProvider ProviderFor(CredentialSourceContext context, JsonElement root,
        JsonElement profile, string name, string path, int depth)
    {
        string Required(string field) => CredentialValues.Require(Text(profile, field),
            $"'{field}' of CLI profile '{name}' in {path}", KeyFields.Contains(field));

        var mode = Text(profile, "mode") ?? "AK";
        switch (mode)
        {
            case "AK":
                return new StaticCredentialProvider(new(Required("access_key_id"), Required("access_key_secret")));
            case "StsToken":
                return new StaticCredentialProvider(new(Required("access_key_id"), Required("access_key_secret"),
                    Required("sts_token")));
            case "RamRoleArn":
                var key = new StaticCredentialProvider(new(Required("access_key_id"), Required("access_key_secret")));
                return RoleCredentialProviders.AssumeRole(key, Sts(context, profile), Role(context, profile,
                    Required("ram_role_arn")), context.Time);
            case "ChainableRamRoleArn":
                var sourceName = Required("source_profile");
                if (depth >= MaxChainDepth || Find(root, sourceName) is not { } source)
                {
                    throw Invalid(name, path, depth >= MaxChainDepth
                        ? "its source_profile chain is too deep (or loops)"
                        : $"its source_profile '{sourceName}' does not exist");
                }

                var sourceProvider = ProviderFor(context, root, source, sourceName, path, depth + 1);
                return RoleCredentialProviders.AssumeRole(sourceProvider, Sts(context, profile),
                    Role(context, profile, Required("ram_role_arn")), context.Time);
            case "OIDC":
                var settings = new OidcRoleSettings(Role(context, profile, Required("ram_role_arn")),
                    Required("oidc_provider_arn"), Required("oidc_token_file"),
                    $"'oidc_token_file' of CLI profile '{name}'");
                // Read now: the profile's JSON is gone by the time the first fetch runs.
                var sts = Sts(context, profile);
                return RoleCredentialProviders.AssumeRoleWithOidc(() => settings, _ => sts, context.Time, context.Log);
            case "EcsRamRole":
                return DefaultCredentialChain.EcsRamRole(context, Text(profile, "ram_role_name"));
            default:
                throw Invalid(name, path, $"its mode '{mode}' is not supported; use AK, StsToken, RamRoleArn, " +
                    "ChainableRamRoleArn, OIDC or EcsRamRole, or pick another profile with --profile or " +
                    "ALIBABA_CLOUD_PROFILE");
        }
    }

    private static StsRoleRequest Role(CredentialSourceContext context, JsonElement profile, string roleArn)
    {
        var seconds = Text(profile, "duration_seconds") ?? Text(profile, "expired_seconds");
        var duration = int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value >= StsRoleRequest.MinDurationSeconds
            ? value
            : 3600;
        return new StsRoleRequest(roleArn, Text(profile, "ram_session_name") ?? context.SessionName(), duration);
    }

    private static StsClient Sts(CredentialSourceContext context, JsonElement profile) =>
        context.Sts(Text(profile, "sts_endpoint"), Text(profile, "sts_region"),
            profile.TryGetProperty("enable_vpc", out var vpc) && vpc.ValueKind == JsonValueKind.True ? true : null);

    private static JsonElement? Find(JsonElement root, string name)
    {
        if (!root.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var profile in profiles.EnumerateArray())
        {
            if (Text(profile, "name") == name)
            {
                return profile;
            }
        }

        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && JsonFields.AsText(value) is { Length: > 0 } text
            ? text
            : null;

    private static JsonDocument Parse(string path)
    {
        try
        {
            var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            throw new EsaStageException(ErrorCodes.InvalidCredentials,
                $"The CLI profile file {path} is not a JSON object. Fix it with 'aliyun configure', or set " +
                "ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true to skip it.");
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new EsaStageException(ErrorCodes.InvalidCredentials,
                $"The CLI profile file {path} cannot be read: {ex.Message} Fix it, or set " +
                "ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true to skip it.", ex);
        }
    }

    private static EsaStageException Invalid(string name, string path, string reason) =>
        new(ErrorCodes.InvalidCredentials, $"CLI profile '{name}' in {path} cannot be used: {reason}.");
}
