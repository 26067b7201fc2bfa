namespace Statmgr.Earthworm.Transport;

/// <summary>Result of a ring write, with tport_putmsg's numbers where C has one.</summary>
public enum PutStatus
{
    /// <summary>PUT_OK: stored.</summary>
    Ok = 1,

    /// <summary>PUT_NOTRACK: this attachment already tracks 200 logos; not stored (the lock is never taken).</summary>
    NoTrack = -1,

    /// <summary>PUT_TOOBIG: the body plus TPORT_HEAD does not fit in the ring.</summary>
    TooBig = -2,

    /// <summary>The port's own status: the ring semaphore stayed taken for the whole timed wait (1 s); not stored.</summary>
    LockTimeout = -3,

    /// <summary>The port's own status: the ring semaphore is gone or unusable (ring destroyed); not stored.</summary>
    LockFailed = -4,

    /// <summary>TPORT_FATAL: the oldest record is not a valid record, so nothing can be evicted; not stored.</summary>
    Corrupt = -99,
}
