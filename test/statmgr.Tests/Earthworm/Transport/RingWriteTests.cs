using Statmgr.Earthworm.Transport;
using static Statmgr.Tests.Earthworm.Transport.RingTestLogos;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>tport_putmsg's put table and lock handling, without C's bugs.</summary>
public class RingWriteTests
{
    [Test]
    public void TwoHundredLogosAreTrackedAndTheNextIsNoTrackWithoutTakingTheLock()
    {
        using var heap = new HeapRing(1 << 16, RingLayout.Lp64);
        for (var i = 0; i < 200; i++)
        {
            Assert.That(heap.Ring.Put(new Logo(1, (byte)(i + 1), 3), RingReadTests.Text("x")), Is.EqualTo(PutStatus.Ok));
        }
        var entered = heap.Lock.Entered;

        Assert.That(heap.Ring.Put(new Logo(2, 1, 3), RingReadTests.Text("x")), Is.EqualTo(PutStatus.NoTrack));

        Assert.That(heap.Lock.Entered, Is.EqualTo(entered));
        Assert.That(heap.Lock.Held, Is.EqualTo(0));
        Assert.That(heap.Ring.Put(new Logo(1, 1, 3), RingReadTests.Text("x")), Is.EqualTo(PutStatus.Ok), "known logos still go");
    }

    [Test]
    public void LockTimeoutStoresNothingAndDoesNotUseASequenceNumberWithPutOrTryPut()
    {
        using var heap = new HeapRing(4096, RingLayout.Lp64);
        heap.Ring.Put(Heartbeat, RingReadTests.Text("a"));
        heap.Lock.NextResult = RingLockResult.TimedOut;

        Assert.That(heap.Ring.Put(Heartbeat, RingReadTests.Text("b")), Is.EqualTo(PutStatus.LockTimeout));
        Assert.That(heap.Ring.LastProblem, Is.EqualTo("ring HEAP_RING (key 4242): scripted TimedOut"));
        heap.Lock.NextResult = RingLockResult.Failed;
        Assert.That(heap.Ring.Put(Heartbeat, RingReadTests.Text("b")), Is.EqualTo(PutStatus.LockFailed));
        heap.Lock.NextResult = RingLockResult.TimedOut;
        Assert.That(heap.Ring.TryPut(Heartbeat, RingReadTests.Text("b")), Is.EqualTo(PutStatus.LockTimeout));
        Assert.That(heap.Ring.ReadHeader().KeyIn, Is.EqualTo(25UL));

        heap.Lock.NextResult = RingLockResult.Acquired;
        Assert.That(heap.Ring.TryPut(Heartbeat, RingReadTests.Text("c")), Is.EqualTo(PutStatus.Ok));
        Assert.That((heap.Lock.Entered, heap.Lock.Tried, heap.Lock.Held), Is.EqualTo((3, 2, 0)), "TryPut asks the lock without waiting, and gives it back");
        Assert.That(RingReadTests.ReadAll(heap.Ring, [Logo.Wildcard]), Is.EqualTo(new[] { "Ok 1/2/3 a", "Ok 1/2/3 c" }));
    }

    [Test]
    public void CopyToWritesTheCallersSequence()
    {
        using var heap = new HeapRing(4096, RingLayout.Lp64);
        heap.Ring.CopyTo(Heartbeat, RingReadTests.Text("a"), 200);
        Assert.That(heap.Bytes[40 + 19], Is.EqualTo(200));
        heap.Ring.Put(Heartbeat, RingReadTests.Text("b"));
        Assert.That(heap.Bytes[40 + 25 + 19], Is.EqualTo(0), "CopyTo does not touch the put table");
    }

    [Test]
    public void EachAttachmentHasItsOwnSequenceCounters()
    {
        using var heap = new HeapRing(4096, RingLayout.Ilp32);
        using var other = heap.Attach();
        heap.Ring.Put(Heartbeat, RingReadTests.Text("a"));
        heap.Ring.Put(Heartbeat, RingReadTests.Text("b"));
        other.Put(Heartbeat, RingReadTests.Text("c"));

        Assert.That(heap.Bytes[20 + 11], Is.EqualTo(0));
        Assert.That(heap.Bytes[20 + 13 + 11], Is.EqualTo(1));
        Assert.That(heap.Bytes[20 + 26 + 11], Is.EqualTo(0));
    }

    [Test]
    public void WriterEvictsWholeRecordsOldestFirst()
    {
        using var heap = new HeapRing(40 + 100, RingLayout.Lp64);
        heap.Ring.Put(Heartbeat, new byte[26]); // 50
        heap.Ring.Put(Heartbeat, new byte[26]); // 100 = keymax
        Assert.That(heap.Ring.ReadHeader(), Is.EqualTo(new RingHeaderSnapshot(140, 100, 100, 0, 0)));

        heap.Ring.Put(Heartbeat, new byte[1]);
        Assert.That((heap.Ring.ReadHeader().KeyIn, heap.Ring.ReadHeader().KeyOld), Is.EqualTo((125UL, 50UL)));
        heap.Ring.Put(Heartbeat, new byte[75]); // a whole-ring record evicts everything
        Assert.That((heap.Ring.ReadHeader().KeyIn, heap.Ring.ReadHeader().KeyOld), Is.EqualTo((224UL, 125UL)));
    }

    [Test]
    public void FlagIsReadAndWrittenAtItsOffset()
    {
        using var lp64 = new HeapRing(1024, RingLayout.Lp64);
        using var ilp32 = new HeapRing(1024, RingLayout.Ilp32);

        lp64.Ring.SetFlag(RingFlag.Terminate);
        ilp32.Ring.SetFlag(4711);

        HexPattern.AssertAt(lp64.Bytes, 32, "19 FC FF FF 00 00 00 00");
        HexPattern.AssertAt(ilp32.Bytes, 16, "67 12 00 00");
        Assert.That((lp64.Ring.Flag, ilp32.Ring.Flag), Is.EqualTo((-999, 4711)));
    }

    [Test]
    public void DisposedAttachmentRefusesToTouchTheMemory()
    {
        var heap = new HeapRing(1024, RingLayout.Lp64);
        heap.Dispose();
        Assert.That(() => heap.Ring.Put(Heartbeat, RingReadTests.Text("a")), Throws.TypeOf<ObjectDisposedException>());
        Assert.That(() => heap.Ring.Flag, Throws.TypeOf<ObjectDisposedException>());
    }
}
