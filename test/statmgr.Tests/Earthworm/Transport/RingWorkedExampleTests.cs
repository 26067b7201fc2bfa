using System.Text;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>
/// The bytes C's transport writes, checked byte for byte (padding masked): one 17-byte heartbeat on a
/// fresh 1024-byte ring in the LP64, ILP32 and Windows layouts, and eight 116-byte messages whose
/// eighth header wraps at the end of the ring. On real System V rings where the layout allows.
/// </summary>
public class RingWorkedExampleTests : SystemVRingTestBase
{
    private static readonly Logo HeartbeatLogo = new(Installation: 1, Module: 2, Type: 3);
    private static readonly byte[] HeartbeatBody = Encoding.ASCII.GetBytes("1700000000 12345\n");

    [Test]
    public void FreshLp64RingHasTheHeaderCWrites()
    {
        using var ring = SystemVRing.Create("TEST_RING", Keys.Next(), 1024);

        var bytes = ring.MappedBytes;
        Assert.That(bytes.Length, Is.EqualTo(1024));
        HexPattern.AssertAt(bytes, 0x00, "00 04 00 00 00 00 00 00  D8 03 00 00 00 00 00 00");
        HexPattern.AssertAt(bytes, 0x10, "00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00");
        HexPattern.AssertAt(bytes, 0x20, "00 00 00 00 00 00 00 00");
        Assert.That(bytes[0x28..].IndexOfAnyExcept((byte)0), Is.EqualTo(-1));
        Assert.That(ring.ReadHeader(), Is.EqualTo(new RingHeaderSnapshot(1024, 984, 0, 0, 0)));
        Assert.That(ring.Layout, Is.SameAs(RingLayout.Lp64));
    }

    [Test]
    public void Lp64HeartbeatPutGivesTheBytesCWrites()
    {
        using var ring = SystemVRing.Create("TEST_RING", Keys.Next(), 1024);

        Assert.That(ring.Put(HeartbeatLogo, HeartbeatBody), Is.EqualTo(PutStatus.Ok));

        var bytes = ring.MappedBytes;
        HexPattern.AssertAt(bytes, 0x00, "00 04 00 00 00 00 00 00  D8 03 00 00 00 00 00 00");
        HexPattern.AssertAt(bytes, 0x10, "29 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00");
        HexPattern.AssertAt(bytes, 0x20, "00 00 00 00 00 00 00 00");
        HexPattern.AssertAt(bytes, 0x28, "6F ?? ?? ?? ?? ?? ?? ??");
        HexPattern.AssertAt(bytes, 0x30, "11 00 00 00 00 00 00 00");
        HexPattern.AssertAt(bytes, 0x38, "03 02 01 00 ?? ?? ?? ??");
        HexPattern.AssertAt(bytes, 0x40, "31 37 30 30 30 30 30 30  30 30 20 31 32 33 34 35");
        HexPattern.AssertAt(bytes, 0x50, "0A");
        Assert.That(bytes[0x51..].IndexOfAnyExcept((byte)0), Is.EqualTo(-1));
    }

    [Test]
    public void PortWritesZerosWhereCLeavesPaddingGarbage()
    {
        using var ring = SystemVRing.Create("TEST_RING", Keys.Next(), 1024);
        ring.Put(HeartbeatLogo, HeartbeatBody);

        var bytes = ring.MappedBytes;
        Assert.That(bytes[0x29..0x30].ToArray(), Is.EqualTo(new byte[7]));
        Assert.That(bytes[0x3C..0x40].ToArray(), Is.EqualTo(new byte[4]));
    }

    [Test]
    public void Lp64ReadBackSecondPutAndEmptyReadMatchC()
    {
        using var ring = SystemVRing.Create("TEST_RING", Keys.Next(), 1024);
        ring.Put(HeartbeatLogo, HeartbeatBody);
        var buffer = new byte[511];

        var status = ring.GetMessage([Logo.Wildcard], buffer, out var logo, out var length);
        Assert.That((status, logo, length), Is.EqualTo((GetStatus.Ok, HeartbeatLogo, 17)));
        Assert.That(buffer[..17], Is.EqualTo(HeartbeatBody));

        ring.Put(HeartbeatLogo, HeartbeatBody);
        Assert.That(ring.ReadHeader().KeyIn, Is.EqualTo(82UL));
        Assert.That(ring.MappedBytes[0x28 + 41 + 19], Is.EqualTo(1), "second record's seq");

        Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.Ok));
        Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.None));
    }

    [Test]
    public void Ilp32RingMatchesTheBytesCWrites()
    {
        using var ring = SystemVRing.Create("TEST_RING", Keys.Next(), 1024, RingLayout.Ilp32);

        HexPattern.AssertAt(ring.MappedBytes, 0x00, "00 04 00 00 EC 03 00 00  00 00 00 00 00 00 00 00");
        HexPattern.AssertAt(ring.MappedBytes, 0x10, "00 00 00 00");
        Assert.That(ring.MappedBytes[0x14..].IndexOfAnyExcept((byte)0), Is.EqualTo(-1));

        Assert.That(ring.Put(HeartbeatLogo, HeartbeatBody), Is.EqualTo(PutStatus.Ok));

        var bytes = ring.MappedBytes;
        HexPattern.AssertAt(bytes, 0x00, "00 04 00 00 EC 03 00 00  1D 00 00 00 00 00 00 00");
        HexPattern.AssertAt(bytes, 0x10, "00 00 00 00 6F ?? ?? ??  11 00 00 00 03 02 01 00");
        HexPattern.AssertAt(bytes, 0x20, "31 37 30 30 30 30 30 30  30 30 20 31 32 33 34 35");
        HexPattern.AssertAt(bytes, 0x30, "0A");
        Assert.That(bytes[0x31..].IndexOfAnyExcept((byte)0), Is.EqualTo(-1));
    }

    [Test]
    public void WindowsLayoutMatchesTheBytesCWrites()
    {
        using var heap = new HeapRing(1024, RingLayout.Llp64);

        HexPattern.AssertAt(heap.Bytes, 0x00, "00 04 00 00 EC 03 00 00  14 00 00 00 14 00 00 00");
        HexPattern.AssertAt(heap.Bytes, 0x10, "00 00 00 00");

        Assert.That(heap.Ring.Put(HeartbeatLogo, HeartbeatBody), Is.EqualTo(PutStatus.Ok));

        HexPattern.AssertAt(heap.Bytes, 0x00, "00 04 00 00 EC 03 00 00  31 00 00 00 14 00 00 00");
        HexPattern.AssertAt(heap.Bytes, 0x10, "00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00");
        HexPattern.AssertAt(heap.Bytes, 0x20, "00 00 00 00 00 00 00 00  6F ?? ?? ?? 11 00 00 00");
        HexPattern.AssertAt(heap.Bytes, 0x30, "03 02 01 00 31 37 30 30  30 30 30 30 30 30 20 31");
        HexPattern.AssertAt(heap.Bytes, 0x40, "32 33 34 35 0A");
        Assert.That(heap.Bytes[0x45..].IndexOfAnyExcept((byte)0), Is.EqualTo(-1));

        var buffer = new byte[511];
        Assert.That(heap.Ring.GetMessage([Logo.Wildcard], buffer, out var logo, out var length), Is.EqualTo(GetStatus.Ok));
        Assert.That((logo, length), Is.EqualTo((HeartbeatLogo, 17)));
    }

    [Test]
    public void EighthMessageSplitsItsHeaderAcrossTheEndAsInC()
    {
        using var ring = SystemVRing.Create("TEST_RING", Keys.Next(), 1024);
        for (var i = 0; i < 7; i++)
        {
            ring.Put(HeartbeatLogo, WrapBody(i));
        }
        Assert.That((ring.ReadHeader().KeyIn, ring.ReadHeader().KeyOld), Is.EqualTo((980UL, 0UL)));

        Assert.That(ring.Put(HeartbeatLogo, WrapBody(7)), Is.EqualTo(PutStatus.Ok));

        Assert.That((ring.ReadHeader().KeyIn, ring.ReadHeader().KeyOld), Is.EqualTo((1120UL, 140UL)));
        var bytes = ring.MappedBytes;
        HexPattern.AssertAt(bytes, 0x3F8, "41 41 41 41 6F ?? ?? ??");
        HexPattern.AssertAt(bytes, 0x028, "?? ?? ?? ?? 74 00 00 00 00 00 00 00 03 02 01 07");
        HexPattern.AssertAt(bytes, 0x038, "?? ?? ?? ?? 37 41 41 41");
    }

    [Test]
    public void ReaderReassemblesTheSplitHeaderAndBody()
    {
        using var ring = SystemVRing.Create("TEST_RING", Keys.Next(), 1024);
        var buffer = new byte[511];
        for (var i = 0; i < 8; i++)
        {
            ring.Put(HeartbeatLogo, WrapBody(i));
        }

        var delivered = new List<string>();
        while (ring.CopyFrom([Logo.Wildcard], buffer, out var logo, out var length, out var seq) is var status && status != GetStatus.None)
        {
            Assert.That(logo, Is.EqualTo(HeartbeatLogo));
            delivered.Add($"{status} {seq} {length} {Encoding.ASCII.GetString(buffer, 0, length)}");
        }

        Assert.That(delivered, Is.EqualTo(Enumerable.Range(1, 7)
            .Select(i => $"Ok {i} 116 {Encoding.ASCII.GetString(WrapBody(i))}").ToArray()));
    }

    /// <summary>The wrap example's 116-byte body: the digit, then 115 × 'A'.</summary>
    internal static byte[] WrapBody(int i) => Encoding.ASCII.GetBytes((char)('0' + i) + new string('A', 115));
}
