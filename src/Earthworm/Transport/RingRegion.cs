namespace Statmgr.Earthworm.Transport;

/// <summary>
/// The mapped SHM_HEAD and ring data area of one attachment. keymax is read once, checked
/// against the mapped size and kept: every ring index is taken modulo that cached value, so a
/// damaged header can never move a read or write outside the mapping.
/// Keys are loaded with acquire and stored with release semantics: C relies on x86's strong
/// ordering, which ARM does not give.
/// </summary>
internal sealed unsafe class RingRegion
{
    private readonly byte* _base;
    private readonly byte* _data;
    private readonly int _dataLength;

    public RingRegion(byte* baseAddress, long mappedBytes, RingLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _base = baseAddress;
        Layout = layout;
        var header = new ReadOnlySpan<byte>(baseAddress, layout.ShmHeadSize);
        var nbytes = layout.ReadLong(header, layout.NBytesOffset);
        var keyMax = layout.ReadULong(header, layout.KeyMaxOffset);
        if (nbytes <= layout.ShmHeadSize || nbytes > mappedBytes
            || keyMax != (ulong)(nbytes - layout.ShmHeadSize) || keyMax > int.MaxValue
            || keyMax < (ulong)layout.TportHeadSize)
        {
            throw new InvalidDataException(
                $"ring header does not describe a {layout.Name} ring of {mappedBytes} bytes (nbytes {nbytes}, keymax {keyMax})");
        }
        KeyMax = keyMax;
        _dataLength = (int)keyMax;
        _data = baseAddress + layout.ShmHeadSize;
    }

    public RingLayout Layout { get; }

    /// <summary>Ring capacity in bytes, as the header said at attach time.</summary>
    public ulong KeyMax { get; }

    /// <summary>
    /// Writes a fresh SHM_HEAD as tport_create does: nbytes, keymax = nbytes − header size,
    /// keyin = keyold = the layout's initial key, flag 0, padding zero. The data area is left alone.
    /// </summary>
    public static void InitializeHeader(byte* baseAddress, long nbytes, RingLayout layout)
    {
        var header = new Span<byte>(baseAddress, layout.ShmHeadSize);
        header.Clear();
        layout.WriteLong(header, layout.NBytesOffset, nbytes);
        layout.WriteLong(header, layout.KeyMaxOffset, nbytes - layout.ShmHeadSize);
        layout.WriteLong(header, layout.KeyInOffset, (long)layout.InitialKey);
        layout.WriteLong(header, layout.KeyOldOffset, (long)layout.InitialKey);
        Thread.MemoryBarrier();
    }

    public long NBytes => Layout.LongSize == 8
        ? Volatile.Read(ref *(long*)(_base + Layout.NBytesOffset))
        : Volatile.Read(ref *(int*)(_base + Layout.NBytesOffset));

    /// <summary>keymax as it is in shared memory now (for display; the algorithms use <see cref="KeyMax"/>).</summary>
    public ulong KeyMaxInHeader => LoadKey(Layout.KeyMaxOffset);

    public ulong LoadKeyIn() => LoadKey(Layout.KeyInOffset);

    public ulong LoadKeyOld() => LoadKey(Layout.KeyOldOffset);

    public void StoreKeyIn(ulong value) => StoreKey(Layout.KeyInOffset, value);

    public void StoreKeyOld(ulong value) => StoreKey(Layout.KeyOldOffset, value);

    public int Flag
    {
        get => Volatile.Read(ref *(int*)(_base + Layout.FlagOffset));
        set => Volatile.Write(ref *(int*)(_base + Layout.FlagOffset), value);
    }

    /// <summary>The ring byte at logical position <paramref name="key"/>.</summary>
    public byte ByteAt(ulong key) => _data[Index(key)];

    /// <summary>Copies ring bytes from logical position <paramref name="key"/> on, wrapping at the end of the ring.</summary>
    public void Read(ulong key, Span<byte> destination)
    {
        var index = Index(key);
        var first = Math.Min(destination.Length, _dataLength - index);
        new ReadOnlySpan<byte>(_data + index, first).CopyTo(destination);
        if (first < destination.Length)
        {
            new ReadOnlySpan<byte>(_data, destination.Length - first).CopyTo(destination[first..]);
        }
    }

    /// <summary>Copies bytes into the ring from logical position <paramref name="key"/> on, wrapping at the end.</summary>
    public void Write(ulong key, ReadOnlySpan<byte> source)
    {
        var index = Index(key);
        var first = Math.Min(source.Length, _dataLength - index);
        source[..first].CopyTo(new Span<byte>(_data + index, first));
        if (first < source.Length)
        {
            source[first..].CopyTo(new Span<byte>(_data, source.Length - first));
        }
    }

    /// <summary>A snapshot of the header fields, each read separately.</summary>
    public RingHeaderSnapshot Snapshot() => new(NBytes, KeyMaxInHeader, LoadKeyIn(), LoadKeyOld(), Flag);

    private int Index(ulong key) => (int)(key % KeyMax);

    private ulong LoadKey(int offset) => Layout.LongSize == 8
        ? Volatile.Read(ref *(ulong*)(_base + offset))
        : Volatile.Read(ref *(uint*)(_base + offset));

    private void StoreKey(int offset, ulong value)
    {
        if (Layout.LongSize == 8)
        {
            Volatile.Write(ref *(ulong*)(_base + offset), value);
        }
        else
        {
            Volatile.Write(ref *(uint*)(_base + offset), unchecked((uint)value));
        }
    }
}
