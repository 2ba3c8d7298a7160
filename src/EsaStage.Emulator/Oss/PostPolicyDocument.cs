using System.Globalization;
using System.Text.Json;

namespace EsaStage.Emulator.Oss;

/// <summary>A decoded upload policy: its expiration and conditions.</summary>
internal sealed record PostPolicyDocument(DateTimeOffset Expiration, IReadOnlyList<PostPolicyCondition> Conditions)
{
    public static PostPolicyDocument Parse(string policyBase64)
    {
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(policyBase64));
            var root = document.RootElement;
            var expiration = DateTimeOffset.Parse(root.GetProperty("expiration").GetString()!,
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            var conditions = root.GetProperty("conditions").EnumerateArray().Select(ParseCondition).ToList();
            return new PostPolicyDocument(expiration, conditions);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException
            or InvalidOperationException or ArgumentException)
        {
            throw new OssException(new OssError(400, "InvalidPolicyDocument", "Invalid Policy: Invalid JSON: "
                + e.Message));
        }
    }

    private static PostPolicyCondition ParseCondition(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var property = element.EnumerateObject().Single();
            return new PostPolicyCondition(PostPolicyCondition.Equal, property.Name, property.Value.GetString()!, 0,
                0);
        }

        var items = element.EnumerateArray().ToList();
        var op = items[0].GetString();
        if (op == PostPolicyCondition.ContentLengthRange && items.Count == 3)
        {
            return new PostPolicyCondition(op, string.Empty, string.Empty, items[1].GetInt64(), items[2].GetInt64());
        }

        if ((op is PostPolicyCondition.Equal or PostPolicyCondition.StartsWith) && items.Count == 3
            && items[1].GetString() is ['$', .. var field])
        {
            return new PostPolicyCondition(op, field, items[2].GetString()!, 0, 0);
        }

        throw new OssException(new OssError(400, "InvalidPolicyDocument",
            "Invalid Policy: Invalid Simple-Condition: " + element.GetRawText()));
    }
}
