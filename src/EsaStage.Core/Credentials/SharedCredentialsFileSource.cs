using System.Text.RegularExpressions;
using EsaStage.Core.Sts;
using IniParser.Exceptions;
using IniParser.Model;
using IniParser.Parser;

namespace EsaStage.Core.Credentials;

/// <summary>
/// Reads the shared credentials file (INI), <c>ALIBABA_CLOUD_CREDENTIALS_FILE</c> or
/// <c>~/.alibabacloud/credentials</c>: the section named by <c>--profile</c>, else <c>ALIBABA_CLOUD_PROFILE</c>,
/// else <c>default</c> (section names are case-sensitive). Types <c>access_key</c>, <c>ram_role_arn</c>,
/// <c>oidc_role_arn</c> and <c>ecs_ram_role</c> are supported.
/// </summary>
internal static class SharedCredentialsFileSource
{
    public static CredentialSourceMatch Resolve(CredentialSourceContext context)
    {
        var explicitPath = context.Variable("ALIBABA_CLOUD_CREDENTIALS_FILE");
        var path = explicitPath ?? Path.Combine(context.Home, ".alibabacloud", "credentials");
        if (!File.Exists(path))
        {
            return explicitPath is null
                ? CredentialSourceMatch.NotFound($"{path} does not exist")
                : throw new EsaStageException(ErrorCodes.InvalidCredentials,
                    $"ALIBABA_CLOUD_CREDENTIALS_FILE names '{path}', which does not exist. Fix the path or unset it.");
        }

        var data = Parse(path);
        var name = context.Options.Profile ?? context.Variable("ALIBABA_CLOUD_PROFILE") ?? "default";
        if (!data.Sections.ContainsSection(name))
        {
            return CredentialSourceMatch.NotFound($"{path} has no section [{name}]");
        }

        var section = data.Sections[name];
        string? Text(string key) => section.ContainsKey(key) && section[key].Length > 0 ? section[key] : null;
        string Required(string key) => CredentialValues.Require(Text(key), $"'{key}' of [{name}] in {path}",
            key.StartsWith("access_key", StringComparison.Ordinal));

        var type = Text("type") ?? "access_key";
        ICredentialProvider provider = type switch
        {
            "access_key" => new StaticCredentialProvider(new(Required("access_key_id"), Required("access_key_secret"))),
            "ram_role_arn" => RoleCredentialProviders.AssumeRole(
                new StaticCredentialProvider(new(Required("access_key_id"), Required("access_key_secret"))),
                context.Sts(), new StsRoleRequest(Required("role_arn"),
                    Text("role_session_name") ?? context.SessionName(), Policy: Text("policy")), context.Time),
            "oidc_role_arn" => OidcRole(context, Required, Text, name),
            "ecs_ram_role" => DefaultCredentialChain.EcsRamRole(context, Text("role_name")),
            _ => throw new EsaStageException(ErrorCodes.InvalidCredentials,
                $"[{name}] in {path} has type '{type}', which is not supported; use access_key, ram_role_arn, " +
                "oidc_role_arn or ecs_ram_role."),
        };
        return new CredentialSourceMatch(provider, $"[{name}] ({type}) in {path}");
    }

    private static RefreshingCredentialProvider OidcRole(CredentialSourceContext context,
        Func<string, string> required, Func<string, string?> text, string name)
    {
        var settings = new OidcRoleSettings(
            new StsRoleRequest(required("role_arn"), text("role_session_name") ?? context.SessionName()),
            required("oidc_provider_arn"), required("oidc_token_file_path"), $"'oidc_token_file_path' of [{name}]");
        return RoleCredentialProviders.AssumeRoleWithOidc(() => settings, _ => context.Sts(), context.Time,
            context.Log);
    }

    private static IniData Parse(string path)
    {
        var parser = new IniDataParser();
        parser.Configuration.CommentRegex = new Regex("^[;#](.*)", RegexOptions.CultureInvariant);
        try
        {
            return parser.Parse(File.ReadAllText(path));
        }
        catch (ParsingException ex)
        {
            // The parser's own message quotes the line, which may hold a secret: neither it nor the parser's
            // exception goes any further.
            throw new EsaStageException(ErrorCodes.InvalidCredentials,
                $"The shared credentials file {path} is not valid INI at line {ex.LineNumber}; the line is not " +
                "shown, as it may hold a secret.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EsaStageException(ErrorCodes.InvalidCredentials,
                $"The shared credentials file {path} cannot be read: {ex.Message}", ex);
        }
    }
}
