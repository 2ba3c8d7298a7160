namespace EsaStage.Core.Ci;

/// <summary>A link shown with a staging's summary, e.g. the routine's default domain or the run's log.</summary>
/// <param name="Text">The link text; escaped when rendered.</param>
/// <param name="Url">The target; only http and https links are rendered.</param>
public sealed record SummaryLink(string Text, Uri Url);
