using System.Globalization;
using System.Text.Json;

namespace EsaStage.Core.Api;

/// <summary>Tolerant readers for ESA answers, which are not always consistent in casing and value types.</summary>
internal static class JsonFields
{
    /// <summary>
    /// Finds a property by its exact name, or with the first letter's case flipped (<c>Code</c>/<c>code</c>).
    /// </summary>
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        value = default;
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (obj.TryGetProperty(name, out value))
        {
            return true;
        }

        var flipped = char.IsUpper(name[0])
            ? char.ToLowerInvariant(name[0]) + name[1..]
            : char.ToUpperInvariant(name[0]) + name[1..];
        return obj.TryGetProperty(flipped, out value);
    }

    /// <summary>Reads a property as text: strings as they are, numbers and booleans as their JSON text.</summary>
    public static string? GetText(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) ? AsText(value) : null;

    /// <summary>Reads a scalar as text; <see langword="null"/> for null, objects and arrays.</summary>
    public static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    /// <summary>
    /// Reads a code version from a JSON string or a JSON number, keeping the exact digits: a 19-digit number does
    /// not survive a round trip through <see cref="double"/>.
    /// </summary>
    public static string? GetCodeVersion(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            var digits = value.GetRawText();
            return digits.All(char.IsAsciiDigit) ? digits : throw new FormatException(
                $"{name} is the number {digits}, which is not a whole number written out in digits.");
        }

        return null;
    }

    /// <summary>Reads an integer that may be sent as a number or a string.</summary>
    public static int GetInt32(JsonElement obj, string name, int fallback)
    {
        var text = GetText(obj, name);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : fallback;
    }
}
