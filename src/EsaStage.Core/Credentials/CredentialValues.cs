namespace EsaStage.Core.Credentials;

/// <summary>Checks credential values from any source without ever putting the value in a message.</summary>
internal static class CredentialValues
{
    /// <summary>
    /// Returns the value, <see langword="null"/> when it is absent or empty, and refuses blank values and values
    /// with surrounding whitespace.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="name">Where it came from, e.g. a variable or <c>access_key_secret of profile 'x'</c>.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    /// <exception cref="EsaStageException">The value is blank or has surrounding whitespace.</exception>
    public static string? Check(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new EsaStageException(ErrorCodes.InvalidCredentials,
                $"{name} is set but holds only whitespace. Set it to the real value or unset it.");
        }

        if (value.Trim().Length != value.Length)
        {
            throw new EsaStageException(ErrorCodes.InvalidCredentials,
                $"{name} has leading or trailing whitespace (often a newline pasted with the secret). " +
                "Store the value without it; the value is not shown here.");
        }

        return value;
    }

    /// <summary>Like <see cref="Check"/>, but a missing value is an error too.</summary>
    /// <param name="value">The value.</param>
    /// <param name="name">Where it came from.</param>
    /// <returns>The value.</returns>
    /// <exception cref="EsaStageException">The value is missing, blank or has surrounding whitespace.</exception>
    public static string Require(string? value, string name) =>
        Check(value, name) ?? throw new EsaStageException(ErrorCodes.InvalidCredentials,
            $"{name} is missing or empty.");
}
