namespace Statmgr.Earthworm.Transport;

/// <summary>
/// One row of a reader's table: a requested pattern or a logo actually delivered, the byte
/// counter just past the last record handled for it, and the sequence number expected next.
/// </summary>
internal struct ReadTrackEntry
{
    public Logo Logo;
    public ulong KeyOut;
    public byte Sequence;
    public bool Active;
}
