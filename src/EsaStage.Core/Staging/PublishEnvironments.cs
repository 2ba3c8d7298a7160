namespace EsaStage.Core.Staging;

/// <summary>Reads and writes <see cref="PublishEnvironment"/> in the service's spelling.</summary>
public static class PublishEnvironments
{
    /// <summary>Gets the service's name of the environment, <c>staging</c> or <c>production</c>.</summary>
    /// <param name="environment">The environment.</param>
    /// <returns>The name the API takes in <c>Env</c>.</returns>
    public static string ToApiName(this PublishEnvironment environment) =>
        environment == PublishEnvironment.Production ? "production" : "staging";

    /// <summary>Parses a user's value; case and surrounding whitespace are ignored.</summary>
    /// <param name="value">The value, e.g. <c>staging</c>.</param>
    /// <param name="inputName">The input's name for the error message, e.g. <c>--publish</c>.</param>
    /// <returns>The environment, or <see langword="null"/> for a blank value.</returns>
    /// <exception cref="EsaStageException">The value is neither <c>staging</c> nor <c>production</c>.</exception>
    public static PublishEnvironment? Parse(string? value, string inputName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return value.Trim().ToLowerInvariant() switch
        {
            "staging" => PublishEnvironment.Staging,
            "production" => PublishEnvironment.Production,
            _ => throw new EsaStageException(ErrorCodes.InvalidPublishEnvironment,
                $"{inputName} is '{value}', but it must be 'staging' or 'production'."),
        };
    }
}
