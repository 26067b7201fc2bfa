using Statmgr.Earthworm.Transport;

namespace Statmgr.EwRing;

/// <summary>
/// Seeded damage to a ring segment (SHM_HEAD and data), one kind per call: random bytes, record
/// headers that look valid but lie, wild or plausible keyin and keyold, a garbled nbytes or
/// keymax, and a ring tiled with valid-looking headers that closes on itself with keys that send
/// a reader round it. Shared by <c>ewring garble</c> and the in-process ring fuzz test.
/// </summary>
internal sealed class RingDamage
{
    private readonly Random _random;
    private readonly RingLayout _layout;
    private readonly int _length;
    private readonly int _dataStart;
    private readonly ulong _keyMax;

    /// <param name="length">The segment's bytes: SHM_HEAD plus keymax.</param>
    public RingDamage(Random random, RingLayout layout, int length)
    {
        _random = random;
        _layout = layout;
        _length = length;
        _dataStart = layout.ShmHeadSize;
        _keyMax = (ulong)(length - layout.ShmHeadSize);
    }

    public void Apply(Span<byte> segment)
    {
        switch (_random.Next(20))
        {
            case < 9:
                _random.NextBytes(segment.Slice(DataOffset(64), 1 + _random.Next(64)));
                break;
            case < 13:
                ForgeHeader(segment, DataOffset(_layout.TportHeadSize));
                break;
            case < 15:
                _layout.WriteLong(segment, _random.Next(2) == 0 ? _layout.KeyInOffset : _layout.KeyOldOffset, Key(segment));
                break;
            case < 17:
                var keyOld = (ulong)Key(segment);
                SetKeys(segment, keyOld, keyOld + (ulong)_random.NextInt64((long)_keyMax + 1));
                break;
            case 17:
                _layout.WriteLong(segment, _random.Next(2) == 0 ? _layout.NBytesOffset : _layout.KeyMaxOffset, _random.NextInt64());
                break;
            default:
                TileIntoCycle(segment);
                break;
        }
    }

    /// <summary>
    /// Valid-looking records from a random point all the way round the ring and back to it, then
    /// keyold at that point and keyin anywhere from exactly full to far beyond.
    /// </summary>
    private void TileIntoCycle(Span<byte> segment)
    {
        var head = (ulong)_layout.TportHeadSize;
        if (_keyMax < 2 * head)
        {
            return;
        }
        var start = (ulong)_random.NextInt64((long)_keyMax);
        var position = start;
        var end = start + _keyMax;
        Span<byte> header = stackalloc byte[_layout.TportHeadSize];
        while (position < end)
        {
            var left = end - position - head;
            var size = (ulong)_random.Next(300);
            // Close exactly: the last record takes what is left, and no record leaves less than a header.
            if (size >= left || left - size < head)
            {
                size = left;
            }
            Forge(header, (long)size);
            Write(segment, position, header);
            position += head + size;
        }
        var keyOld = start + _keyMax * (ulong)_random.Next(1, 1000);
        var keyIn = _random.Next(3) switch
        {
            0 => keyOld + _keyMax,
            1 => keyOld + _keyMax * (ulong)_random.Next(2, 1000) + (ulong)_random.Next(300),
            _ => keyOld + (1UL << _random.Next(20, 62)),
        };
        SetKeys(segment, keyOld, keyIn);
    }

    private void ForgeHeader(Span<byte> segment, int offset)
    {
        long size = _random.Next(4) switch
        {
            0 => _random.Next(600),
            1 => _random.Next(64),
            2 => _random.NextInt64((long)_keyMax + 64),
            _ => _random.NextInt64(long.MinValue, long.MaxValue),
        };
        Forge(segment.Slice(offset, _layout.TportHeadSize), size);
        if (_random.Next(16) == 0)
        {
            segment[offset] = (byte)_random.Next(256);
        }
    }

    /// <summary>A record header with the right first byte and a logo readers might want.</summary>
    private void Forge(Span<byte> header, long size)
    {
        header.Clear();
        header[0] = RingLayout.FirstByte;
        _layout.WriteLong(header, _layout.SizeOffset, size);
        header[_layout.InstallationOffset] = (byte)_random.Next(4);
        header[_layout.ModuleOffset] = (byte)_random.Next(6);
        header[_layout.TypeOffset] = (byte)_random.Next(6);
        header[_layout.SequenceOffset] = (byte)_random.Next(256);
    }

    /// <summary>A key near the current keyin, or anywhere in the key space.</summary>
    private long Key(Span<byte> segment)
    {
        var keyIn = _layout.ReadULong(segment, _layout.KeyInOffset);
        var key = _random.Next(3) == 0
            ? (ulong)_random.NextInt64()
            : keyIn + unchecked((ulong)_random.NextInt64(-(long)_keyMax * 2, (long)_keyMax * 2));
        return unchecked((long)(key & _layout.KeyMask));
    }

    private void SetKeys(Span<byte> segment, ulong keyOld, ulong keyIn)
    {
        _layout.WriteLong(segment, _layout.KeyOldOffset, unchecked((long)(keyOld & _layout.KeyMask)));
        _layout.WriteLong(segment, _layout.KeyInOffset, unchecked((long)(keyIn & _layout.KeyMask)));
    }

    /// <summary>Writes at a ring position, wrapping at the end of the data area.</summary>
    private void Write(Span<byte> segment, ulong position, ReadOnlySpan<byte> bytes)
    {
        var data = segment.Slice(_dataStart, (int)_keyMax);
        var at = (int)(position % _keyMax);
        var first = Math.Min(bytes.Length, data.Length - at);
        bytes[..first].CopyTo(data[at..]);
        bytes[first..].CopyTo(data);
    }

    private int DataOffset(int room) => _dataStart + _random.Next(Math.Max(1, _length - _dataStart - room));
}
