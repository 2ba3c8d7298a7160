using System.Globalization;

namespace EsaStage.Emulator.Oss;

/// <summary>One condition of an upload policy.</summary>
/// <param name="Operator"><c>eq</c>, <c>starts-with</c> or <c>content-length-range</c>.</param>
/// <param name="Field">The form field it constrains, without <c>$</c>; empty for a size range.</param>
/// <param name="Value">The expected value or prefix.</param>
/// <param name="Min">The smallest file size allowed, for a size range.</param>
/// <param name="Max">The largest file size allowed, for a size range.</param>
internal sealed record PostPolicyCondition(string Operator, string Field, string Value, long Min, long Max)
{
    public const string Equal = "eq";
    public const string StartsWith = "starts-with";
    public const string ContentLengthRange = "content-length-range";

    public bool IsSizeRange => Operator == ContentLengthRange;

    public bool IsSatisfiedBy(string? fieldValue) => Operator switch
    {
        Equal => string.Equals(fieldValue, Value, StringComparison.Ordinal),
        StartsWith => fieldValue is not null && fieldValue.StartsWith(Value, StringComparison.Ordinal),
        _ => true,
    };

    /// <summary>The condition as OSS prints it in "Policy Condition failed" messages.</summary>
    public override string ToString() => IsSizeRange
        ? string.Create(CultureInfo.InvariantCulture, $"[\"{Operator}\", {Min}, {Max}]")
        : $"[\"{Operator}\", \"${Field}\", \"{Value}\"]";
}
