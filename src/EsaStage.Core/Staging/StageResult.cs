namespace EsaStage.Core.Staging;

/// <summary>A completed staging: only ever created after the upload and its callback succeeded.</summary>
/// <param name="Routine">The routine name.</param>
/// <param name="CodeVersion">The staged code version, as its exact digits.</param>
/// <param name="CodeDescription">The description sent, or <see langword="null"/> when none was.</param>
/// <param name="CommittedCodeVersion">The committed code version, when a commit was asked for.</param>
/// <param name="PublishedEnvironment">The environment published to, when a publish was asked for.</param>
/// <param name="Bytes">The code file's size.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the code bytes uploaded.</param>
/// <param name="Endpoint">The API endpoint used.</param>
public sealed record StageResult(
    string Routine,
    string CodeVersion,
    string? CodeDescription,
    string? CommittedCodeVersion,
    string? PublishedEnvironment,
    long Bytes,
    string Sha256,
    string Endpoint);
