namespace Statmgr.Earthworm.Transport;

/// <summary>Values of SHM_HEAD.flag, the old-style stop flag startstop writes into every ring.</summary>
public static class RingFlag
{
    /// <summary>No stop request.</summary>
    public const int None = 0;

    /// <summary>TERMINATE: every module attached to the ring should exit. Any other non-zero value is the pid that should exit.</summary>
    public const int Terminate = -999;
}
