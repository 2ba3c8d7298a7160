using System.Globalization;
using System.Text.Json;
using EsaStage.Emulator.Faults;

namespace EsaStage.Emulator.Admin;

/// <summary>Applies one fault rule described in JSON, the body of <c>POST /_emulator/faults</c>.</summary>
/// <remarks>
/// Shapes (<c>count</c> defaults to 1):
/// <c>{"kind":"esa-error","count":1,"action":"…","status":503,"code":"…","message":"…","retryAfter":"2"}</c>,
/// <c>{"kind":"oss-error","status":503,"code":"…","message":"…"}</c>,
/// <c>{"kind":"callback-failure","message":"…"}</c>,
/// <c>{"kind":"delay","target":"esa|oss","milliseconds":500}</c>,
/// <c>{"kind":"drop","target":"esa|oss"}</c>,
/// <c>{"kind":"policy-lifetime","seconds":2}</c>.
/// </remarks>
internal static class FaultCommand
{
    /// <summary>Applies the rule; throws <see cref="FormatException"/> when the JSON does not describe one.</summary>
    public static void Apply(FaultInjector faults, ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var rule = document.RootElement;
            var count = rule.TryGetProperty("count", out var c) ? c.GetInt32() : 1;
            switch (Text(rule, "kind"))
            {
                case "esa-error":
                    faults.FailEsaRequests(count, rule.GetProperty("status").GetInt32(), Text(rule, "code")!,
                        Text(rule, "message") ?? string.Empty, Text(rule, "action"), RetryAfter(rule));
                    break;
                case "oss-error":
                    faults.FailOssUploads(count, rule.GetProperty("status").GetInt32(), Text(rule, "code")!,
                        Text(rule, "message") ?? string.Empty);
                    break;
                case "callback-failure":
                    faults.FailCallbacks(count, Text(rule, "message") ?? "Error status : 502.");
                    break;
                case "delay":
                    faults.DelayRequests(Target(rule), count,
                        TimeSpan.FromMilliseconds(rule.GetProperty("milliseconds").GetDouble()));
                    break;
                case "drop":
                    faults.DropConnections(Target(rule), count);
                    break;
                case "policy-lifetime":
                    faults.PolicyLifetime = TimeSpan.FromSeconds(rule.GetProperty("seconds").GetDouble());
                    break;
                default:
                    throw new FormatException(
                        "kind must be esa-error, oss-error, callback-failure, delay, drop or policy-lifetime.");
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException
            or ArgumentException)
        {
            throw new FormatException(e.Message, e);
        }
    }

    private static string? Text(JsonElement rule, string name) =>
        rule.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    private static string? RetryAfter(JsonElement rule) =>
        !rule.TryGetProperty("retryAfter", out var value) ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetInt64().ToString(CultureInfo.InvariantCulture)
        : value.GetString();

    private static FaultTarget Target(JsonElement rule) => Text(rule, "target") switch
    {
        "esa" => FaultTarget.Esa,
        "oss" => FaultTarget.Oss,
        _ => throw new FormatException("target must be esa or oss."),
    };
}
