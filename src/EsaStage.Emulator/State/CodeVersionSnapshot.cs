using System.Text.Json.Serialization;

namespace EsaStage.Emulator.State;

/// <summary>One code version of a routine.</summary>
/// <param name="CodeVersion">The 19-digit version, as text.</param>
/// <param name="Description">The description, decoded to plain text.</param>
/// <param name="CreateTime">When the version was created.</param>
/// <param name="Length">The code's length in bytes.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the code.</param>
/// <param name="Status">The status the API reports; always <c>Available</c> in the emulator.</param>
/// <param name="Origin">Whether a staging upload or a commit created it.</param>
public sealed record CodeVersionSnapshot(
    string CodeVersion,
    string Description,
    DateTimeOffset CreateTime,
    long Length,
    string Sha256,
    string Status,
    [property: JsonConverter(typeof(JsonStringEnumConverter<CodeVersionOrigin>))] CodeVersionOrigin Origin);
