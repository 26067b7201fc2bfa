using Statmgr.Earthworm.Transport;

namespace Statmgr.Monitor;

/// <summary>
/// Whether statmgr has been told to stop: SHM_HEAD.flag of an attached ring set to TERMINATE or
/// to statmgr's own pid (startstop's old-style stop), or SIGTERM/SIGINT.
/// </summary>
public sealed class ShutdownWatch
{
    private readonly RingSet _rings;
    private readonly int _ownPid;
    private volatile bool _signalled;

    public ShutdownWatch(RingSet rings, int ownPid)
    {
        _rings = rings;
        _ownPid = ownPid;
    }

    /// <summary>True once a stop signal arrived (cheap enough to ask per message).</summary>
    public bool Signalled => _signalled;

    /// <summary>Called from the signal handler.</summary>
    public void RequestStop() => _signalled = true;

    /// <summary>A SHM_HEAD.flag value that tells this statmgr to stop.</summary>
    public static bool IsStopFlag(int flag, int ownPid) => flag == RingFlag.Terminate || flag == ownPid;

    public bool IsStopRequested()
    {
        if (_signalled)
        {
            return true;
        }
        foreach (var ring in _rings.Attached)
        {
            if (IsStopFlag(ring.Flag, _ownPid))
            {
                return true;
            }
        }
        return false;
    }
}
