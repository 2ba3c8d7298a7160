using Microsoft.Extensions.Hosting;

namespace EsaStage.Emulator.Hosting;

/// <summary>
/// A host lifetime that leaves the process's signals alone. The default console lifetime takes over Ctrl+C and
/// SIGTERM to stop the web host, which would swallow them in the tool that embeds the emulator: the tool's own
/// handler must see them, stop what it is doing and dispose the emulator.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
