namespace EsaStage.Tasks.Reuse;

/// <summary>What makes two stagings the same: equal keys stage the same bytes the same way to one place.</summary>
/// <param name="Routine">The routine name.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the code bytes.</param>
/// <param name="Description">The description sent, or <see langword="null"/>.</param>
/// <param name="Endpoint">The API endpoint.</param>
/// <param name="Commit">Whether the staging was committed.</param>
/// <param name="Publish">The environment published to, or <see langword="null"/>.</param>
/// <param name="Identity">
/// A hash of the settings that choose the account (AccessKey ID, role, profile), so a build that switches
/// accounts against the same endpoint stages again instead of reusing another account's version.
/// </param>
internal sealed record StageKey(
    string Routine,
    string Sha256,
    string? Description,
    string Endpoint,
    bool Commit,
    string? Publish,
    string Identity);
