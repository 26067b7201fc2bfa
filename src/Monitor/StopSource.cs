using System.Runtime.InteropServices;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Monitor;

/// <summary>
/// The one answer to "has statmgr been told to stop?", made where the process starts and handed
/// to everything that must notice a stop: SIGTERM (startstop's fallback after KillDelay), SIGINT,
/// SIGQUIT, SIGUSR1, SIGUSR2 and SIGALRM (each of which would otherwise kill statmgr without its
/// shutdown report or mail), and the flag in an attached ring's header set to TERMINATE or to
/// statmgr's own pid (startstop's old-style stop). A request also wakes the main loop's wait, and one that comes
/// before the loop exists is kept for it, so every stop ends with the shutdown report.
/// </summary>
internal sealed class StopSource
{
    private readonly IWakeableWait _wait;
    private readonly int _ownPid;
    private volatile bool _requested;

    /// <param name="wait">The one place the monitor blocks; a stop request cuts it short.</param>
    /// <param name="ownPid">statmgr's pid, which in a ring's flag means "stop this statmgr".</param>
    public StopSource(IWakeableWait wait, int ownPid)
    {
        _wait = wait;
        _ownPid = ownPid;
    }

    /// <summary>True once a stop was requested by a signal (cheap enough to ask per message).</summary>
    public bool Requested => _requested;

    /// <summary>Asks for the stop and ends the current wait; safe from a signal handler's thread.</summary>
    public void Request()
    {
        _requested = true;
        _wait.Wake();
    }

    /// <summary>
    /// Until disposed, the stop signals request the stop instead of ending the process, and SIGHUP
    /// (whose default would end statmgr too) calls <paramref name="onHangup"/>: a reload request.
    /// </summary>
    public IDisposable RequestOnSignals(Action onHangup) => new SignalRegistrations(this, onHangup);

    /// <summary>A stop was requested, or one of <paramref name="rings"/> carries a flag that says stop.</summary>
    public bool IsStopRequested(IReadOnlyList<ITransportRing> rings)
    {
        if (_requested)
        {
            return true;
        }
        // Indexed, not enumerated: asked every pass, it must allocate nothing.
        for (var i = 0; i < rings.Count; i++)
        {
            var ring = rings[i];
            if (ring.Flag == RingFlag.Terminate || ring.Flag == _ownPid)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Blocks for <paramref name="span"/>, or less when a stop is requested meanwhile.</summary>
    public void Wait(TimeSpan span) => _wait.Wait(span);

    private sealed class SignalRegistrations : IDisposable
    {
        // Linux numbers of the signals PosixSignal has no name for; a raw number cast to
        // PosixSignal is registered as that signal on Unix.
        private const int SigUsr1 = 10;
        private const int SigUsr2 = 12;
        private const int SigAlrm = 14;

        private readonly List<PosixSignalRegistration> _registrations = [];

        public SignalRegistrations(StopSource stop, Action onHangup)
        {
            void OnStopSignal(PosixSignalContext context)
            {
                // Handled here: the runtime must not end the process before the shutdown report.
                context.Cancel = true;
                stop.Request();
            }
            foreach (var signal in StopSignals())
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnStopSignal));
            }
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                onHangup();
            }));
        }

        public void Dispose()
        {
            foreach (var registration in _registrations)
            {
                registration.Dispose();
            }
        }

        private static IEnumerable<PosixSignal> StopSignals()
        {
            yield return PosixSignal.SIGTERM;
            yield return PosixSignal.SIGINT;
            yield return PosixSignal.SIGQUIT;
            if (!OperatingSystem.IsWindows())
            {
                yield return (PosixSignal)SigUsr1;
                yield return (PosixSignal)SigUsr2;
                yield return (PosixSignal)SigAlrm;
            }
        }
    }
}
