namespace EsaStage.Core.Staging;

/// <summary>A stage request that passed the local checks.</summary>
/// <param name="RoutineName">The routine name.</param>
/// <param name="CodeFile">The code file's full path.</param>
/// <param name="Bytes">The code file's size.</param>
/// <param name="Description">The description to send, or <see langword="null"/> to send none.</param>
public sealed record ValidatedStage(string RoutineName, string CodeFile, long Bytes, string? Description);
