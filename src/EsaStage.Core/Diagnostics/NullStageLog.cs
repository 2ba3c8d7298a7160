namespace EsaStage.Core.Diagnostics;

/// <summary>A log that drops everything.</summary>
public sealed class NullStageLog : IStageLog
{
    /// <summary>Gets the shared instance.</summary>
    public static NullStageLog Instance { get; } = new();

    /// <inheritdoc/>
    public void Info(string message)
    {
    }

    /// <inheritdoc/>
    public void Detail(string message)
    {
    }

    /// <inheritdoc/>
    public void Warning(string code, string message)
    {
    }

    /// <inheritdoc/>
    public void MaskSecret(string value)
    {
    }
}
