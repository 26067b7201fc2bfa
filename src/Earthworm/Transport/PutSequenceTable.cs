namespace Statmgr.Earthworm.Transport;

/// <summary>
/// The writer's sequence numbers, one counter per logo (tport_putmsg's put table), starting at 0
/// and wrapping at 256. Like C it holds at most 200 logos; it lives in the attachment, not in
/// shared memory.
/// </summary>
internal sealed class PutSequenceTable
{
    public const int Capacity = 200;

    private readonly Logo[] _logos = new Logo[Capacity];
    private readonly byte[] _next = new byte[Capacity];
    private int _count;

    /// <summary>Finds or adds the counter for <paramref name="logo"/>; false when the table is full and the logo is new.</summary>
    public bool TryGetSlot(Logo logo, out int slot)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_logos[i] == logo)
            {
                slot = i;
                return true;
            }
        }
        if (_count == Capacity)
        {
            slot = -1;
            return false;
        }
        slot = _count++;
        _logos[slot] = logo;
        _next[slot] = 0;
        return true;
    }

    /// <summary>The sequence number the next message of this slot's logo carries.</summary>
    public byte Peek(int slot) => _next[slot];

    /// <summary>Called once the message carrying <see cref="Peek"/> is in the ring.</summary>
    public void Advance(int slot) => _next[slot] = unchecked((byte)(_next[slot] + 1));
}
