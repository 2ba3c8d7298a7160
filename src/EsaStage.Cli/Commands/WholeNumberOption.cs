using System.CommandLine;
using System.Globalization;

namespace EsaStage.Cli.Commands;

/// <summary>Options that take a whole number in a range, with a clear error for anything else.</summary>
internal static class WholeNumberOption
{
    public static Option<long> Create(string name, string description, string helpName, long defaultValue,
        long minimum, long maximum) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                && value >= minimum && value <= maximum)
            {
                return value;
            }

            result.AddError($"{name} is '{text}', but it must be a whole number from {minimum} to {maximum}.");
            return defaultValue;
        },
    };
}
