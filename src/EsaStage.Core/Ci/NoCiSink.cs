using EsaStage.Core.Staging;

namespace EsaStage.Core.Ci;

/// <summary>No CI system: nothing to publish, and text needs no neutralising beyond staying on one line.</summary>
public sealed class NoCiSink : ICiSink
{
    /// <inheritdoc/>
    public string Name => "none";

    /// <inheritdoc/>
    public void MaskSecret(string value)
    {
    }

    /// <inheritdoc/>
    public void PublishOutputs(StageResult result)
    {
    }

    /// <inheritdoc/>
    public void ReportError(string code, string message, string? filePath)
    {
    }

    /// <inheritdoc/>
    public void ReportWarning(string code, string message, string? filePath)
    {
    }

    /// <inheritdoc/>
    public void BeginGroup(string title)
    {
    }

    /// <inheritdoc/>
    public void EndGroup()
    {
    }

    /// <inheritdoc/>
    public void WriteSummary(StageResult result, IReadOnlyList<SummaryLink>? links = null)
    {
    }

    /// <inheritdoc/>
    public string Neutralize(string untrustedText) => UntrustedText.OneLine(untrustedText);
}
