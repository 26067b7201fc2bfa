namespace Statmgr.Earthworm.Transport;

/// <summary>
/// A reader's private positions and expected sequence numbers (tport_getmsg's and tport_copyfrom's
/// tables; getmsg and flush share one, copyfrom has its own): at most 500 rows, each a requested pattern or a concrete logo,
/// matched exactly. Nothing here is in shared memory.
/// </summary>
internal sealed class ReadTrackTable
{
    public const int Capacity = 500;

    private readonly ReadTrackEntry[] _entries = new ReadTrackEntry[Capacity];
    private int _count;

    public int Count => _count;

    /// <summary>Adds an inactive row for each requested pattern not yet in the table, while there is room.</summary>
    public void AddPatterns(ReadOnlySpan<Logo> patterns)
    {
        foreach (var pattern in patterns)
        {
            if (IndexOf(pattern) < 0 && _count < Capacity)
            {
                _entries[_count++] = new ReadTrackEntry { Logo = pattern };
            }
        }
    }

    /// <summary>The furthest position of any row a pattern accepts, or <paramref name="floor"/> if that is further.</summary>
    public ulong FurthestKeyOut(ReadOnlySpan<Logo> patterns, ulong floor)
    {
        var start = floor;
        for (var i = 0; i < _count; i++)
        {
            if (_entries[i].KeyOut > start && Logo.AnyMatches(patterns, _entries[i].Logo))
            {
                start = _entries[i].KeyOut;
            }
        }
        return start;
    }

    /// <summary>Moves every row a pattern accepts to <paramref name="key"/>.</summary>
    public void SetKeyOut(ReadOnlySpan<Logo> patterns, ulong key)
    {
        for (var i = 0; i < _count; i++)
        {
            if (Logo.AnyMatches(patterns, _entries[i].Logo))
            {
                _entries[i].KeyOut = key;
            }
        }
    }

    /// <summary>Moves every row to <paramref name="key"/> (used to skip past a corrupt ring).</summary>
    public void SetAllKeyOut(ulong key)
    {
        for (var i = 0; i < _count; i++)
        {
            _entries[i].KeyOut = key;
        }
    }

    /// <summary>Moves every row that is beyond <paramref name="key"/> back to it.</summary>
    public void ClampKeyOut(ulong key)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_entries[i].KeyOut > key)
            {
                _entries[i].KeyOut = key;
            }
        }
    }

    /// <summary>
    /// Maps every row's position into the key space a writer's key reset created
    /// (the reset keeps physical places, key modulo keymax): caught-up rows go to keyin, rows that still sit on a record
    /// start keep their physical place, anything else restarts at keyold.
    /// Returns true when some row had to restart at keyold (it was overrun).
    /// </summary>
    public bool RemapAfterKeyReset(RingRegion region, ulong keyIn, ulong keyOld)
    {
        var keyMax = region.KeyMax;
        var mask = region.Layout.KeyMask;
        var overrun = false;
        for (var i = 0; i < _count; i++)
        {
            var position = _entries[i].KeyOut % keyMax;
            if (position == keyIn || ((keyIn - position) & mask) % keyMax == 0)
            {
                position = keyIn;
            }
            else if (region.ByteAt(position) != RingLayout.FirstByte)
            {
                position = keyOld;
                overrun = true;
            }
            else if (position < keyOld)
            {
                position += (keyOld - position + keyMax - 1) / keyMax * keyMax;
            }
            _entries[i].KeyOut = position;
        }
        return overrun;
    }

    /// <summary>The row for exactly <paramref name="logo"/>, added (active, expecting <paramref name="sequence"/>) if missing; -1 when the table is full.</summary>
    public int FindOrAdd(Logo logo, byte sequence)
    {
        var index = IndexOf(logo);
        if (index >= 0)
        {
            return index;
        }
        if (_count == Capacity)
        {
            return -1;
        }
        _entries[_count] = new ReadTrackEntry { Logo = logo, Sequence = sequence, Active = true };
        return _count++;
    }

    public ref ReadTrackEntry this[int index] => ref _entries[index];

    private int IndexOf(Logo logo)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_entries[i].Logo == logo)
            {
                return i;
            }
        }
        return -1;
    }
}

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
