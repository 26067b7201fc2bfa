namespace Statmgr.Earthworm.Transport;

/// <summary>
/// The write half of tport_putmsg / tport_copyto, step for step as C, run with the ring lock
/// held: key reset when keyin would overflow the key width, eviction of the oldest records until
/// the new one fits, then header and body with byte-wise wrap, then keyin.
/// Shared stores go keyold, full fence, ring bytes, keyin (release), which is the order lock-free
/// readers depend on.
/// </summary>
internal static class RingWriter
{
    /// <summary>Stores one record; Ok, or Corrupt with <paramref name="problem"/> set when the ring cannot be valid.</summary>
    public static PutStatus Write(RingRegion region, Logo logo, byte sequence, ReadOnlySpan<byte> body, out string? problem)
    {
        var layout = region.Layout;
        var mask = layout.KeyMask;
        var keyMax = region.KeyMax;
        var headSize = (ulong)layout.TportHeadSize;
        var need = headSize + (ulong)body.Length;
        var keyIn = region.LoadKeyIn();
        var keyOld = region.LoadKeyOld();

        // (a) Key reset: only when keyin + need would wrap the key width (every 4 GiB on 32-bit keys).
        // Physical positions stay where they are, because key mod keymax does not change.
        if (((keyIn + need) & mask) < keyOld)
        {
            keyIn %= keyMax;
            keyOld %= keyMax;
            if (keyIn <= keyOld)
            {
                keyIn += keyMax;
            }
            region.StoreKeyOld(keyOld);
            region.StoreKeyIn(keyIn);
        }

        // A valid ring never holds more than keymax bytes; with damaged keys the eviction below
        // could otherwise walk round a ring of valid-looking headers for ever, holding the lock.
        if (keyIn > keyOld && keyIn - keyOld > keyMax)
        {
            problem = $"keyin {keyIn} is more than keymax {keyMax} past keyold {keyOld}";
            return PutStatus.Corrupt;
        }

        // (b) Evict whole records, oldest first, until the new one fits.
        var evicted = false;
        Span<byte> header = stackalloc byte[layout.TportHeadSize];
        while (((keyIn + need - keyOld) & mask) > keyMax)
        {
            if (keyOld >= keyIn)
            {
                problem = $"keyold {keyOld} is not below keyin {keyIn}";
                return PutStatus.Corrupt;
            }
            region.Read(keyOld, header);
            var oldest = TransportHeader.Decode(header, layout);
            if (oldest.Start != RingLayout.FirstByte)
            {
                problem = $"the record at keyold {keyOld} starts with 0x{oldest.Start:X2}, not 0x6F";
                return PutStatus.Corrupt;
            }
            // Room left before keyin, as the reader measures it: no sum that could wrap 2^64.
            var room = keyIn - keyOld;
            if (oldest.Size < 0 || (ulong)oldest.Size > keyMax - headSize || room < headSize || (ulong)oldest.Size > room - headSize)
            {
                problem = $"the record at keyold {keyOld} claims an impossible size {oldest.Size}";
                return PutStatus.Corrupt;
            }
            keyOld += headSize + (ulong)oldest.Size;
            evicted = true;
        }
        if (evicted)
        {
            region.StoreKeyOld(keyOld);
            // Readers must see the new keyold before any byte of the evicted records changes.
            Interlocked.MemoryBarrier();
        }

        // (c) Header, body, then publish keyin.
        Span<byte> record = stackalloc byte[layout.TportHeadSize];
        TransportHeader.Encode(record, layout, logo, body.Length, sequence);
        region.Write(keyIn, record);
        region.Write(keyIn + headSize, body);
        region.StoreKeyIn((keyIn + need) & mask);
        problem = null;
        return PutStatus.Ok;
    }
}
