using EsaStage.Emulator.Hosting;

namespace EsaStage.Emulator.Esa;

/// <summary>One verified ESA API call: its action, its decoded parameters and the emulator it runs in.</summary>
internal sealed class EsaCall(EmulatorContext emulator, string action,
    IReadOnlyList<KeyValuePair<string, string>> parameters)
{
    public EmulatorContext Emulator { get; } = emulator;

    public string Action { get; } = action;

    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; } = parameters;

    /// <summary>The first value of a parameter, matched by exact name; <see langword="null"/> when absent.</summary>
    public string? Optional(string name)
    {
        foreach (var parameter in Parameters)
        {
            if (string.Equals(parameter.Key, name, StringComparison.Ordinal))
            {
                return parameter.Value;
            }
        }

        return null;
    }

    /// <summary>A parameter that must be present and non-empty, else <c>MissingParameter</c>.</summary>
    public string Required(string name) =>
        Optional(name) is { Length: > 0 } value ? value : throw new EsaException(EsaError.MissingParameter(name));

    /// <summary>An optional positive integer parameter.</summary>
    public int OptionalInt(string name, int defaultValue, int min, int max)
    {
        var text = Optional(name);
        if (string.IsNullOrEmpty(text))
        {
            return defaultValue;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new EsaException(EsaError.BadRequest("InvalidParameter." + name,
                $"The parameter {name} must be an integer from {min} to {max}."));
    }
}
