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
    /// <param name="keyMaterial">
    /// Whether the value is an AccessKey, secret or token, which hold printable ASCII only; a path or a role name
    /// may hold spaces and other letters.
    /// </param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    /// <exception cref="EsaStageException">The value is blank or has surrounding whitespace.</exception>
    public static string? Check(string? value, string name, bool keyMaterial = true)
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

        if (keyMaterial && !value.All(c => c is > ' ' and < '\x7f'))
        {
            throw new EsaStageException(ErrorCodes.InvalidCredentials,
                $"{name} holds a character that cannot be part of an AccessKey or token (a space, a control " +
                "character or a non-ASCII letter). Copy the value again from the RAM console; it is not shown here.");
        }

        return value;
    }

    /// <summary>Like <see cref="Check"/>, but a missing value is an error too.</summary>
    /// <param name="value">The value.</param>
    /// <param name="name">Where it came from.</param>
    /// <param name="keyMaterial">Whether the value is an AccessKey, secret or token.</param>
    /// <returns>The value.</returns>
    /// <exception cref="EsaStageException">The value is missing, blank or has surrounding whitespace.</exception>
    public static string Require(string? value, string name, bool keyMaterial = true) =>
        Check(value, name, keyMaterial) ?? throw new EsaStageException(ErrorCodes.InvalidCredentials,
            $"{name} is missing or empty.");
}
