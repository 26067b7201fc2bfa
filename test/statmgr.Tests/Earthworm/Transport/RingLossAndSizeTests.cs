using System.Text;
using Statmgr.Earthworm.Transport;
using static Statmgr.Tests.Earthworm.Transport.RingTestLogos;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>
/// Loss and size cases as C's transport behaves: an overrun reader gets GET_MISS from getmsg and
/// GET_MISS_LAPPED from copyfrom; a message longer than the buffer is GET_TOOBIG with its length
/// and is skipped for good; GET_NONE leaves the caller's buffer alone.
/// </summary>
public class RingLossAndSizeTests : SystemVRingTestBase
{
    [Test]
    public void OverrunReaderGetsMissFromGetmsgAndMissLappedFromCopyfrom()
    {
        using var ring = SystemVRing.Create("TEST_RING", Keys.Next(), 1024);
        var buffer = new byte[511];
        ring.Put(Heartbeat, RingWorkedExampleTests.WrapBody(0));
        Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.Ok));
        Assert.That(ring.CopyFrom([Logo.Wildcard], buffer, out _, out _, out var firstSeq), Is.EqualTo(GetStatus.Ok));
        Assert.That(firstSeq, Is.EqualTo(0));

        for (var i = 1; i <= 9; i++)
        {
            ring.Put(Heartbeat, RingWorkedExampleTests.WrapBody(i));
        }
        Assert.That((ring.ReadHeader().KeyIn, ring.ReadHeader().KeyOld), Is.EqualTo((1400UL, 420UL)));

        Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out var logo, out var length), Is.EqualTo(GetStatus.Miss));
        Assert.That((logo, length, buffer[0]), Is.EqualTo((Heartbeat, 116, (byte)'3')));
        Assert.That(ring.CopyFrom([Logo.Wildcard], buffer, out logo, out length, out var seq), Is.EqualTo(GetStatus.MissLapped));
        Assert.That((logo, length, seq, buffer[0]), Is.EqualTo((Heartbeat, 116, (byte)3, (byte)'3')));

        // Then it reads on without further loss.
        for (var i = 4; i <= 9; i++)
        {
            Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.Ok));
            Assert.That(buffer[0], Is.EqualTo((byte)('0' + i)));
            Assert.That(ring.CopyFrom([Logo.Wildcard], buffer, out _, out _, out seq), Is.EqualTo(GetStatus.Ok));
            Assert.That(seq, Is.EqualTo(i));
        }
    }

    [Test]
    public void OverrunNoticedWhenNothingWasLeftToReadIsReportedWithTheNextMessage()
    {
        using var heap = new HeapRing(1024, RingLayout.Lp64);
        var buffer = new byte[511];
        heap.Ring.CopyTo(Heartbeat, Encoding.ASCII.GetBytes("first"), 0);
        Assert.That(heap.Ring.CopyFrom([Logo.Wildcard], buffer, out _, out _, out _), Is.EqualTo(GetStatus.Ok));
        // Everything after it was written and evicted: an empty ring far ahead of the reader.
        heap.Ring.Layout.WriteLong(heap.Bytes, heap.Ring.Layout.KeyInOffset, 5000);
        heap.Ring.Layout.WriteLong(heap.Bytes, heap.Ring.Layout.KeyOldOffset, 5000);

        Assert.That(heap.Ring.CopyFrom([Logo.Wildcard], buffer, out _, out _, out _), Is.EqualTo(GetStatus.None));
        heap.Ring.CopyTo(Heartbeat, Encoding.ASCII.GetBytes("later"), 9);

        // C would say MISS_SEQGAP here, having forgotten the overrun it saw in the empty call.
        Assert.That(heap.Ring.CopyFrom([Logo.Wildcard], buffer, out _, out _, out var seq), Is.EqualTo(GetStatus.MissLapped));
        Assert.That(seq, Is.EqualTo(9));
        heap.Ring.CopyTo(Heartbeat, Encoding.ASCII.GetBytes("gap"), 11);
        Assert.That(heap.Ring.CopyFrom([Logo.Wildcard], buffer, out _, out _, out _), Is.EqualTo(GetStatus.MissSeqGap));
    }

    [Test]
    public void TooBigReportsLogoAndLengthSkipsTheMessageAndTheNextOneIsAMiss()
    {
        using var ring = SystemVRing.Create("TEST_RING", Keys.Next(), 1024);
        ring.Put(Heartbeat, RingWorkedExampleTests.WrapBody(0));
        ring.Put(Heartbeat, RingWorkedExampleTests.WrapBody(1));
        var small = new byte[10];
        small.AsSpan().Fill(0xEE);

        Assert.That(ring.GetMessage([Logo.Wildcard], small, out var logo, out var length), Is.EqualTo(GetStatus.TooBig));
        Assert.That((logo, length), Is.EqualTo((Heartbeat, 116)));
        Assert.That(small, Is.All.EqualTo(0xEE), "nothing is copied");

        var buffer = new byte[511];
        Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out logo, out length), Is.EqualTo(GetStatus.Miss));
        Assert.That((logo, length, buffer[0]), Is.EqualTo((Heartbeat, 116, (byte)'1')));
        Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.None));
    }

    [Test]
    public void CopyfromTooBigReportsTheSequenceAndTheNextOneIsASeqGap()
    {
        using var ring = SystemVRing.Create("TEST_RING", Keys.Next(), 1024);
        ring.Put(Heartbeat, RingWorkedExampleTests.WrapBody(0));
        ring.Put(Heartbeat, RingWorkedExampleTests.WrapBody(1));
        ring.Put(Heartbeat, RingWorkedExampleTests.WrapBody(2));
        var buffer = new byte[511];
        Assert.That(ring.CopyFrom([Logo.Wildcard], buffer, out _, out _, out _), Is.EqualTo(GetStatus.Ok));

        Assert.That(ring.CopyFrom([Logo.Wildcard], new byte[115], out var logo, out var length, out var seq), Is.EqualTo(GetStatus.TooBig));
        Assert.That((logo, length, seq), Is.EqualTo((Heartbeat, 116, (byte)1)));

        Assert.That(ring.CopyFrom([Logo.Wildcard], buffer, out _, out _, out seq), Is.EqualTo(GetStatus.MissSeqGap));
        Assert.That(seq, Is.EqualTo(2));
    }

    [Test]
    public void ExactlyFittingBufferIsNotTooBig()
    {
        using var ring = SystemVRing.Create("TEST_RING", Keys.Next(), 1024);
        ring.Put(Heartbeat, RingWorkedExampleTests.WrapBody(0));

        Assert.That(ring.GetMessage([Logo.Wildcard], new byte[116], out _, out var length), Is.EqualTo(GetStatus.Ok));
        Assert.That(length, Is.EqualTo(116));
    }

    [Test]
    public void NoneLeavesTheBufferUntouched()
    {
        using var ring = SystemVRing.Create("TEST_RING", Keys.Next(), 1024);
        var buffer = Encoding.ASCII.GetBytes("untouched");

        Assert.That(ring.GetMessage([Logo.Wildcard], buffer, out var logo, out var length), Is.EqualTo(GetStatus.None));
        Assert.That((logo, length), Is.EqualTo((default(Logo), 0)));
        Assert.That(Encoding.ASCII.GetString(buffer), Is.EqualTo("untouched"));
    }

    [Test]
    public void PutTooBigIsDecidedBeforeTheLockAndAtTheExactLimit()
    {
        using var heap = new HeapRing(1024, RingLayout.Lp64);

        Assert.That(heap.Ring.MaxBody, Is.EqualTo(960));
        Assert.That(heap.Ring.Put(Heartbeat, new byte[961]), Is.EqualTo(PutStatus.TooBig));
        Assert.That(heap.Lock.Entered, Is.EqualTo(0));
        Assert.That(heap.Ring.Put(Heartbeat, new byte[960]), Is.EqualTo(PutStatus.Ok));
        Assert.That(heap.Ring.ReadHeader().KeyIn, Is.EqualTo(984UL));

        var buffer = new byte[960];
        Assert.That(heap.Ring.GetMessage([Logo.Wildcard], buffer, out _, out var length), Is.EqualTo(GetStatus.Ok));
        Assert.That(length, Is.EqualTo(960));
    }

    [Test]
    public void EmptyBodyIsAValidMessage()
    {
        using var heap = new HeapRing(1024, RingLayout.Ilp32);

        Assert.That(heap.Ring.Put(Heartbeat, ReadOnlySpan<byte>.Empty), Is.EqualTo(PutStatus.Ok));
        Assert.That(heap.Ring.GetMessage([Logo.Wildcard], new byte[1], out var logo, out var length), Is.EqualTo(GetStatus.Ok));
        Assert.That((logo, length), Is.EqualTo((Heartbeat, 0)));
        Assert.That(heap.Ring.ReadHeader().KeyIn, Is.EqualTo(12UL));
    }
}
