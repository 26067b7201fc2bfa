using Statmgr.Earthworm.Transport;
using static Statmgr.Tests.Earthworm.Transport.RingTestLogos;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>The writer's key reset when keyin would overflow the key width (worked through on a 32-bit ring, keymax 1004), and the readers' remapping.</summary>
public class RingKeyResetTests
{
    [Test]
    public void Ilp32ResetFollowsCsArithmetic()
    {
        using var heap = Ilp32RingNearTheTop();
        var ring = heap.Ring;
        var buffer = new byte[511];
        Assert.That((ring.ReadHeader().KeyIn, ring.ReadHeader().KeyOld), Is.EqualTo((4_294_967_280UL, 4_294_966_380UL)));
        Assert.That(4_294_967_280UL % 1004, Is.EqualTo(860UL));
        Assert.That(4_294_966_380UL % 1004, Is.EqualTo(964UL));
        Assert.That(DrainCount(ring, buffer), Is.EqualTo(9), "the reader is caught up at keyout 4294967280");

        Assert.That(ring.Put(Heartbeat, new byte[29]), Is.EqualTo(PutStatus.Ok)); // a 41-byte record

        Assert.That((ring.ReadHeader().KeyIn, ring.ReadHeader().KeyOld), Is.EqualTo((1905UL, 964UL)));
        HexPattern.AssertAt(heap.Bytes, 20 + 860, "6F ?? ?? ?? 1D 00 00 00 03 02 01 09");
        HexPattern.AssertAt(heap.Bytes, 4, "EC 03 00 00 71 07 00 00 C4 03 00 00");

        Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out var logo, out var length), Is.EqualTo(GetStatus.Ok));
        Assert.That((logo, length), Is.EqualTo((Heartbeat, 29)));
        Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.None));

        ring.Put(Heartbeat, new byte[5]);
        Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out _, out length), Is.EqualTo(GetStatus.Ok));
        Assert.That(length, Is.EqualTo(5));
    }

    [Test]
    public void ReaderBehindTheResetKeepsItsPlaceOnTheRecordStart()
    {
        using var heap = Ilp32RingNearTheTop();
        var ring = heap.Ring;
        var buffer = new byte[511];
        using var copyReader = heap.Attach();
        for (var i = 0; i < 5; i++)
        {
            Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.Ok));
            Assert.That(copyReader.CopyFrom([Logo.Wildcard], buffer, out _, out _, out _), Is.EqualTo(GetStatus.Ok));
        }

        ring.Put(Heartbeat, new byte[29]);

        for (var i = 5; i < 10; i++)
        {
            Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out _, out var length), Is.EqualTo(GetStatus.Ok), $"getmsg {i}");
            Assert.That(length, Is.EqualTo(i < 9 ? 88 : 29));
            Assert.That(copyReader.CopyFrom([Logo.Wildcard], buffer, out _, out _, out var seq), Is.EqualTo(GetStatus.Ok), $"copyfrom {i}");
            Assert.That(seq, Is.EqualTo(i));
        }
        Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.None));
        Assert.That(copyReader.CopyFrom([Logo.Wildcard], buffer, out _, out _, out _), Is.EqualTo(GetStatus.None));
    }

    [Test]
    public void ResetAlsoEvictsWhenTheNewRecordDoesNotFit()
    {
        using var heap = Ilp32RingNearTheTop();
        var ring = heap.Ring;
        var buffer = new byte[511];
        Assert.That(DrainCount(ring, buffer), Is.EqualTo(9));

        Assert.That(ring.Put(Heartbeat, new byte[188]), Is.EqualTo(PutStatus.Ok)); // 1864 + 200 − 964 > 1004: the oldest record goes

        Assert.That((ring.ReadHeader().KeyIn, ring.ReadHeader().KeyOld), Is.EqualTo((1864UL + 200, 964UL + 100)));
        Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out _, out var length), Is.EqualTo(GetStatus.Ok));
        Assert.That(length, Is.EqualTo(188));
    }

    [Test]
    public void Lp64KeysNearTwoToTheSixtyFourResetTheSameWay()
    {
        using var heap = new HeapRing(1024, RingLayout.Lp64);
        var ring = heap.Ring;
        var buffer = new byte[511];
        var start = ulong.MaxValue - 900; // eight 100-byte records end 101 below 2^64, so a 200-byte record wraps
        SetKeys(heap, start, start);
        for (var i = 0; i < 8; i++)
        {
            ring.Put(Heartbeat, new byte[76]);
        }
        Assert.That(DrainCount(ring, buffer), Is.EqualTo(8));
        var keyIn = ring.ReadHeader().KeyIn;
        var keyOld = ring.ReadHeader().KeyOld;
        Assert.That(keyIn, Is.EqualTo(ulong.MaxValue - 100));

        Assert.That(ring.Put(Heartbeat, new byte[176]), Is.EqualTo(PutStatus.Ok)); // 200 bytes wraps 2^64

        var expectedIn = keyIn % 984 <= keyOld % 984 ? keyIn % 984 + 984 : keyIn % 984;
        Assert.That(ring.ReadHeader().KeyIn, Is.EqualTo(expectedIn + 200));
        Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out _, out var length), Is.EqualTo(GetStatus.Ok));
        Assert.That(length, Is.EqualTo(176));
        ring.Put(Heartbeat, new byte[3]);
        Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out _, out length), Is.EqualTo(GetStatus.Ok));
        Assert.That(length, Is.EqualTo(3));
    }

    /// <summary>Empty ring with keyin = keyold = <paramref name="keyOld"/>, then nine 100-byte records (88-byte bodies).</summary>
    /// <summary>A 1024-byte ILP32 ring whose keys start at 4294966380 and hold nine 100-byte records, so that keyin is 4294967280, just below 2^32.</summary>
    private static HeapRing Ilp32RingNearTheTop()
    {
        var heap = new HeapRing(1024, RingLayout.Ilp32);
        SetKeys(heap, 4_294_966_380UL, 4_294_966_380UL);
        for (var i = 0; i < 9; i++)
        {
            Assert.That(heap.Ring.Put(Heartbeat, new byte[88]), Is.EqualTo(PutStatus.Ok));
        }
        return heap;
    }

    private static void SetKeys(HeapRing heap, ulong keyIn, ulong keyOld)
    {
        var layout = heap.Ring.Layout;
        layout.WriteLong(heap.Bytes, layout.KeyInOffset, unchecked((long)keyIn));
        layout.WriteLong(heap.Bytes, layout.KeyOldOffset, unchecked((long)keyOld));
    }

    private static int DrainCount(TransportRing ring, byte[] buffer)
    {
        var n = 0;
        while (ring.GetMessage([Logo.Wildcard], buffer, out _, out _) != GetStatus.None)
        {
            n++;
        }
        return n;
    }
}
