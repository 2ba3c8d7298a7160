using System.Globalization;

namespace EsaStage.Emulator.Esa;

/// <summary>Text formats of ESA responses.</summary>
internal static class EsaFormat
{
    /// <summary>The API version the emulator serves.</summary>
    public const string ApiVersion = "2024-09-10";

    /// <summary>The content type of every ESA JSON answer.</summary>
    public const string JsonContentType = "application/json;charset=utf-8";

    /// <summary>A time as ESA prints it: UTC, seconds, <c>Z</c>.</summary>
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
