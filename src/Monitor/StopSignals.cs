using System.Runtime.InteropServices;

namespace Statmgr.Monitor;

/// <summary>
/// SIGTERM (startstop's fallback after KillDelay) and SIGINT stop statmgr the way the ring flag
/// does: with the shutdown report. A signal that comes before the loop exists is kept for it.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly IIdleWaiter _waiter;
    private readonly PosixSignalRegistration[] _registrations;
    private volatile ShutdownWatch? _watch;
    private volatile bool _received;

    public StopSignals(IIdleWaiter waiter)
    {
        _waiter = waiter;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
        ];
    }

    public bool Received => _received;

    /// <summary>From now on a signal stops this loop (at once, if one came already).</summary>
    public void Attach(ShutdownWatch watch)
    {
        _watch = watch;
        if (_received)
        {
            watch.RequestStop();
            _waiter.Wake();
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Handled here: the runtime must not end the process before the shutdown report.
        context.Cancel = true;
        _received = true;
        _watch?.RequestStop();
        _waiter.Wake();
    }
}
