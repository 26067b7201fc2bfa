using System.Buffers.Binary;

namespace Statmgr.Earthworm.Transport;

/// <summary>
/// Byte layout of SHM_HEAD and TPORT_HEAD for one C data model. C's <c>long</c> and
/// <c>unsigned long</c> decide everything: 8 bytes on LP64 (64-bit Linux), 4 bytes on ILP32
/// (32-bit builds such as stock Earthworm 7.9) and on LLP64 (Windows, 32 or 64 bit).
/// All fields are in the host's byte order, which is little-endian on every Earthworm platform.
/// </summary>
internal sealed class RingLayout
{
    /// <summary>SHM_HEAD.start value of every record: 111, ASCII 'o' (FIRST_BYTE).</summary>
    public const byte FirstByte = 0x6F;

    private RingLayout(string name, int longSize, ulong initialKey)
    {
        Name = name;
        LongSize = longSize;
        InitialKey = initialKey;
        KeyMask = longSize == 8 ? ulong.MaxValue : uint.MaxValue;
        // SHM_HEAD: long nbytes; unsigned long keymax, keyin, keyold; int flag; padded to long alignment.
        ShmHeadSize = longSize == 8 ? 40 : 20;
        // TPORT_HEAD: char start; long size; {type, mod, instid}; unsigned char seq; padded to long alignment.
        TportHeadSize = longSize == 8 ? 24 : 12;
    }

    /// <summary>64-bit Linux builds (Earthworm 7.10 and later, HyperEarthworm): 40-byte SHM_HEAD, 24-byte TPORT_HEAD.</summary>
    public static RingLayout Lp64 { get; } = new("LP64", 8, 0);

    /// <summary>32-bit Linux builds (stock 7.9 with -m32): 20-byte SHM_HEAD, 12-byte TPORT_HEAD.</summary>
    public static RingLayout Ilp32 { get; } = new("ILP32", 4, 0);

    /// <summary>Windows builds: the ILP32 sizes, and a new ring starts with keyin = keyold = 20.</summary>
    public static RingLayout Llp64 { get; } = new("LLP64", 4, 20);

    /// <summary>LP64, ILP32 or LLP64.</summary>
    public string Name { get; }

    /// <summary>Bytes in C's <c>long</c>: 8 or 4.</summary>
    public int LongSize { get; }

    /// <summary>Width of the index keys in bits (64 or 32); key arithmetic wraps at this width.</summary>
    public int KeyBits => LongSize * 8;

    /// <summary>All ones in the key width.</summary>
    public ulong KeyMask { get; }

    /// <summary>keyin and keyold of a freshly created ring: 0 on Unix, sizeof(SHM_HEAD) on Windows.</summary>
    public ulong InitialKey { get; }

    /// <summary>sizeof(SHM_HEAD): where the ring data area starts.</summary>
    public int ShmHeadSize { get; }

    /// <summary>sizeof(TPORT_HEAD): the bytes in front of every message body.</summary>
    public int TportHeadSize { get; }

    public int NBytesOffset => 0;

    public int KeyMaxOffset => LongSize;

    public int KeyInOffset => 2 * LongSize;

    public int KeyOldOffset => 3 * LongSize;

    public int FlagOffset => 4 * LongSize;

    /// <summary>Offset of TPORT_HEAD.size (after the start byte and its padding).</summary>
    public int SizeOffset => LongSize;

    /// <summary>Offset of the logo's type byte; module, installation and seq follow it.</summary>
    public int TypeOffset => 2 * LongSize;

    public int ModuleOffset => TypeOffset + 1;

    public int InstallationOffset => TypeOffset + 2;

    public int SequenceOffset => TypeOffset + 3;

    /// <summary>The largest message body a ring of <paramref name="keyMax"/> data bytes can hold.</summary>
    public long MaxBody(ulong keyMax) => (long)keyMax - TportHeadSize;

    /// <summary>The layout chosen by a RingLayout setting, or null for auto (detect from the header).</summary>
    public static RingLayout? FromChoice(RingLayoutChoice choice) => choice switch
    {
        RingLayoutChoice.Lp64 => Lp64,
        RingLayoutChoice.Ilp32 => Ilp32,
        _ => null,
    };

    /// <summary>
    /// True when <paramref name="header"/> (the first bytes of a segment of
    /// <paramref name="segmentSize"/> bytes) is a SHM_HEAD of this layout: nbytes equals the
    /// segment size and keymax equals nbytes minus the header size.
    /// </summary>
    public bool Describes(ReadOnlySpan<byte> header, long segmentSize)
    {
        if (header.Length < ShmHeadSize || segmentSize <= ShmHeadSize)
        {
            return false;
        }
        var nbytes = ReadLong(header, NBytesOffset);
        var keyMax = ReadULong(header, KeyMaxOffset);
        return nbytes == segmentSize && keyMax == (ulong)(segmentSize - ShmHeadSize);
    }

    /// <summary>
    /// The layout whose SHM_HEAD matches the segment (32- and 64-bit modules cannot share a ring): LP64 when the
    /// 64-bit nbytes and keymax agree with the segment size, ILP32 when the 32-bit ones do, else null.
    /// The two cannot both match: an LP64 nbytes has zero in the word where ILP32 keeps keymax.
    /// </summary>
    public static RingLayout? Detect(ReadOnlySpan<byte> header, long segmentSize)
    {
        if (Lp64.Describes(header, segmentSize))
        {
            return Lp64;
        }
        return Ilp32.Describes(header, segmentSize) ? Ilp32 : null;
    }

    /// <summary>Reads C's <c>long</c> (signed, host order) at <paramref name="offset"/>.</summary>
    public long ReadLong(ReadOnlySpan<byte> bytes, int offset) => LongSize == 8
        ? BinaryPrimitives.ReadInt64LittleEndian(bytes[offset..])
        : BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);

    /// <summary>Reads C's <c>unsigned long</c> (host order) at <paramref name="offset"/>.</summary>
    public ulong ReadULong(ReadOnlySpan<byte> bytes, int offset) => LongSize == 8
        ? BinaryPrimitives.ReadUInt64LittleEndian(bytes[offset..])
        : BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);

    /// <summary>Writes C's <c>long</c> or <c>unsigned long</c> (host order) at <paramref name="offset"/>.</summary>
    public void WriteLong(Span<byte> bytes, int offset, long value)
    {
        if (LongSize == 8)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes[offset..], value);
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes[offset..], unchecked((int)value));
        }
    }

    public override string ToString() => Name;
}

/// <summary>Which SHM_HEAD/TPORT_HEAD layout to speak: detected from the header, or forced.</summary>
internal enum RingLayoutChoice
{
    Auto,
    Lp64,
    Ilp32,
}
