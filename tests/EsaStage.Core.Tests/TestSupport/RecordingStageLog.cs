using System.Collections.Concurrent;
using EsaStage.Core.Diagnostics;

namespace EsaStage.Core.Tests.TestSupport;

/// <summary>A log that keeps every line and every value declared secret, for assertions.</summary>
internal sealed class RecordingStageLog : IStageLog
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _secrets = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public IReadOnlyList<string> Secrets => [.. _secrets];

    public string Text => string.Join("\n", _lines);

    public void Info(string message) => _lines.Enqueue("info: " + message);

    public void Detail(string message) => _lines.Enqueue("detail: " + message);

    public void Warning(string code, string message) => _lines.Enqueue($"warning {code}: {message}");

    public void MaskSecret(string value) => _secrets.Enqueue(value);
}
