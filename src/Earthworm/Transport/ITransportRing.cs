namespace Statmgr.Earthworm.Transport;

/// <summary>
/// One attachment of one transport ring, with this attachment's private put sequence numbers and
/// read positions (C keeps them per process; here each attachment has its own, so two readers in
/// one process do not steal each other's messages). Reads never lock; writes hold the ring lock
/// only for the copy. Not thread-safe for reads: use one attachment per reading thread.
/// </summary>
internal interface ITransportRing : IDisposable
{
    /// <summary>The ring's name from earthworm.d (used in messages only).</summary>
    string Name { get; }

    /// <summary>The ring key (System V IPC key, or the number in the Windows object names).</summary>
    long Key { get; }

    /// <summary>The SHM_HEAD / TPORT_HEAD layout this attachment speaks.</summary>
    RingLayout Layout { get; }

    /// <summary>tport_putmsg: stores one message with this attachment's next sequence number for the logo.</summary>
    PutStatus Put(Logo logo, ReadOnlySpan<byte> body);

    /// <summary>
    /// As <see cref="Put"/>, but never waits for the ring lock: LockTimeout at once when another
    /// writer holds it (the sequence number is then not used).
    /// </summary>
    PutStatus TryPut(Logo logo, ReadOnlySpan<byte> body);

    /// <summary>tport_copyto: stores one message with the caller's sequence number (no put table).</summary>
    PutStatus CopyTo(Logo logo, ReadOnlySpan<byte> body, byte sequence);

    /// <summary>
    /// tport_getmsg: the next message a pattern in <paramref name="wanted"/> accepts, oldest first.
    /// The buffer's length is the size limit (TooBig reports logo and full length and skips the message).
    /// </summary>
    GetStatus GetMessage(ReadOnlySpan<Logo> wanted, Span<byte> buffer, out Logo logo, out int length);

    /// <summary>tport_copyfrom: as <see cref="GetMessage"/> with its own positions, the message's sequence number and the lapped/seqgap distinction.</summary>
    GetStatus CopyFrom(ReadOnlySpan<Logo> wanted, Span<byte> buffer, out Logo logo, out int length, out byte sequence);

    /// <summary>tport_flush: skips every message the patterns accept that is in the ring now (GetMessage's positions).</summary>
    void Flush(ReadOnlySpan<Logo> wanted);

    /// <summary>SHM_HEAD.flag: 0, <see cref="RingFlag.Terminate"/> or the pid that should stop.</summary>
    int Flag { get; }

    /// <summary>Writes SHM_HEAD.flag (startstop's job; for tools and tests).</summary>
    void SetFlag(int value);

    /// <summary>The header fields as they are now.</summary>
    RingHeaderSnapshot ReadHeader();

    /// <summary>
    /// True when the key no longer names the memory this attachment uses: the ring was removed, or
    /// startstop re-created it. One system call; a monitor can poll it and re-attach.
    /// </summary>
    bool IsStale { get; }

    /// <summary>What went wrong at the last Corrupt, LockTimeout or LockFailed result, naming ring and key.</summary>
    string? LastProblem { get; }
}

/// <summary>The SHM_HEAD fields as read at one moment (each field read separately, without a lock).</summary>
internal readonly record struct RingHeaderSnapshot(long NBytes, ulong KeyMax, ulong KeyIn, ulong KeyOld, int Flag);

/// <summary>Values of SHM_HEAD.flag, the old-style stop flag startstop writes into every ring.</summary>
internal static class RingFlag
{
    /// <summary>No stop request.</summary>
    public const int None = 0;

    /// <summary>TERMINATE: every module attached to the ring should exit. Any other non-zero value is the pid that should exit.</summary>
    public const int Terminate = -999;
}

/// <summary>
/// Result of a ring read, with the numbers tport_getmsg and tport_copyfrom return
/// (Corrupt is the port's own: C exits on a corrupt ring instead).
/// </summary>
internal enum GetStatus
{
    /// <summary>GET_OK: a message was delivered.</summary>
    Ok = 1,

    /// <summary>GET_NONE: nothing new; logo, length and buffer are not meaningful.</summary>
    None = 0,

    /// <summary>GET_MISS: delivered, but this logo's sequence number skipped (getmsg only).</summary>
    Miss = -1,

    /// <summary>GET_NOTRACK: delivered, but the read table is full so the sequence is not checked.</summary>
    NoTrack = -2,

    /// <summary>GET_TOOBIG: logo and full length are reported, nothing is copied, the message is skipped for good.</summary>
    TooBig = -3,

    /// <summary>GET_MISS_LAPPED: delivered after a sequence gap; the reader was overrun (copyfrom only).</summary>
    MissLapped = -4,

    /// <summary>GET_MISS_SEQGAP: delivered after a sequence gap without being overrun (copyfrom only).</summary>
    MissSeqGap = -5,

    /// <summary>
    /// The port's own status: a record header that cannot be valid was found. The reader has moved
    /// past everything in the ring and goes on with new messages; the ring's LastProblem says what was wrong.
    /// </summary>
    Corrupt = -99,
}

/// <summary>Result of a ring write, with tport_putmsg's numbers where C has one.</summary>
internal enum PutStatus
{
    /// <summary>PUT_OK: stored.</summary>
    Ok = 1,

    /// <summary>PUT_NOTRACK: this attachment already tracks 200 logos; not stored (the lock is never taken).</summary>
    NoTrack = -1,

    /// <summary>PUT_TOOBIG: the body plus TPORT_HEAD does not fit in the ring.</summary>
    TooBig = -2,

    /// <summary>The port's own status: the ring semaphore stayed taken for the whole timed wait (1 s; no wait for TryPut); not stored.</summary>
    LockTimeout = -3,

    /// <summary>The port's own status: the ring semaphore is gone or unusable (ring destroyed); not stored.</summary>
    LockFailed = -4,

    /// <summary>TPORT_FATAL: the oldest record is not a valid record, so nothing can be evicted; not stored.</summary>
    Corrupt = -99,
}
