using EsaStage.Emulator.Esa;
using EsaStage.Emulator.Hosting;

namespace EsaStage.Emulator.Sts;

/// <summary>One STS call: its decoded parameters (query and form together) and the emulator it runs in.</summary>
internal sealed class StsCall(EmulatorContext emulator, IReadOnlyList<KeyValuePair<string, string>> parameters)
{
    public EmulatorContext Emulator { get; } = emulator;

    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; } = parameters;

    public string? Optional(string name) =>
        Parameters.Where(p => string.Equals(p.Key, name, StringComparison.Ordinal))
            .Select(p => p.Value)
            .FirstOrDefault();

    public string Required(string name) =>
        Optional(name) is { Length: > 0 } value ? value : throw new EsaException(EsaError.MissingParameter(name));
}
