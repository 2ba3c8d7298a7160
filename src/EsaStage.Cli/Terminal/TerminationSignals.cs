using System.Runtime.InteropServices;

namespace EsaStage.Cli.Terminal;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into a cancellation token, registered as the process starts so no early signal
/// slips past it. A command that has not wound down within the grace period after a signal is ended with exit code
/// 130, as shells report an interrupted command.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TimeSpan _grace;

    public TerminationSignals(TimeSpan grace)
    {
        _grace = grace;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => _cancellation.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Keep the process alive; the command sees the token and finishes cleanly.
        context.Cancel = true;
        if (_cancellation.IsCancellationRequested)
        {
            return;
        }

        _cancellation.Cancel();
        _ = Task.Delay(_grace).ContinueWith(_ => Environment.Exit(130), TaskScheduler.Default);
    }
}
