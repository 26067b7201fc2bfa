namespace Statmgr.Earthworm.Transport;

/// <summary>
/// Result of a ring read, with the numbers tport_getmsg and tport_copyfrom return
/// (Corrupt is the port's own: C exits on a corrupt ring instead).
/// </summary>
public enum GetStatus
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
