namespace Statmgr.Earthworm.Transport;

/// <summary>
/// One attachment of one transport ring, with this attachment's private put sequence numbers and
/// read positions (C keeps them per process; here each attachment has its own, so two readers in
/// one process do not steal each other's messages). Reads never lock; writes hold the ring lock
/// only for the copy. Not thread-safe for reads: use one attachment per reading thread.
/// </summary>
public interface ITransportRing : IDisposable
{
    /// <summary>The ring's name from earthworm.d (used in messages only).</summary>
    string Name { get; }

    /// <summary>The ring key (System V IPC key, or the number in the Windows object names).</summary>
    long Key { get; }

    /// <summary>The SHM_HEAD / TPORT_HEAD layout this attachment speaks.</summary>
    RingLayout Layout { get; }

    /// <summary>tport_putmsg: stores one message with this attachment's next sequence number for the logo.</summary>
    PutStatus Put(Logo logo, ReadOnlySpan<byte> body);

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
