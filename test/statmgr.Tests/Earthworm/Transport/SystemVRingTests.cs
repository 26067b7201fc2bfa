using System.Diagnostics;
using Statmgr.Earthworm.Transport;
using static Statmgr.Tests.Earthworm.Transport.RingTestLogos;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>Create, attach, detach and destroy on real System V IPC as C's transport does it, and the writers' semaphore.</summary>
public class SystemVRingTests : SystemVRingTestBase
{
    [Test]
    public void AttachToAMissingRingNamesRingKeyAndStartstop()
    {
        var key = Keys.Next();

        var e = Assert.Throws<RingNotFoundException>(() => SystemVRing.Attach("WAVE_RING", key));

        Assert.That(e!.Message, Is.EqualTo(
            $"transport ring WAVE_RING (key {key}) does not exist; startstop normally creates it from its Ring lines"));
        Assert.That((e.RingName, e.RingKey), Is.EqualTo(("WAVE_RING", key)));
    }

    [Test]
    public void AttachedReaderSeesWhatTheCreatorPut()
    {
        var key = Keys.Next();
        using var creator = SystemVRing.Create("TEST_RING", key, 4096);
        creator.Put(Heartbeat, RingReadTests.Text("hello"));

        using var reader = SystemVRing.Attach("TEST_RING", key);

        Assert.That(reader.Layout, Is.SameAs(RingLayout.Lp64));
        Assert.That(reader.KeyMax, Is.EqualTo(4056UL));
        Assert.That(RingReadTests.ReadAll(reader, [Logo.Wildcard]), Is.EqualTo(new[] { "Ok 1/2/3 hello" }));
        Assert.That(reader.IsStale, Is.False);
        Assert.That(reader.DescribeMapping(), Does.EndWith(", 4096 bytes"));
    }

    [Test]
    public void AutoDetectsIlp32AndAForcedWrongLayoutIsRefused()
    {
        var key = Keys.Next();
        using var creator = SystemVRing.Create("OLD_RING", key, 2048, RingLayout.Ilp32);

        using (var auto = SystemVRing.Attach("OLD_RING", key))
        {
            Assert.That(auto.Layout, Is.SameAs(RingLayout.Ilp32));
        }
        using (var forced = SystemVRing.Attach("OLD_RING", key, RingLayoutChoice.Ilp32))
        {
            Assert.That(forced.KeyMax, Is.EqualTo(2028UL));
        }
        var e = Assert.Throws<TransportRingException>(() => SystemVRing.Attach("OLD_RING", key, RingLayoutChoice.Lp64));
        Assert.That(e!.Message, Does.EndWith("(2048 bytes) does not hold an LP64 ring header").And.Contain($"OLD_RING (key {key})"));
    }

    [Test]
    public void SegmentWithoutARingHeaderIsRefused()
    {
        var key = Keys.Next();
        using (SystemVRing.Create("TEST_RING", key, 1024))
        {
        }
        Overwrite(key, 0, new byte[16]);

        var e = Assert.Throws<TransportRingException>(() => SystemVRing.Attach("TEST_RING", key));
        Assert.That(e!.Message, Does.EndWith("holds neither an LP64 nor an ILP32 ring header"));
    }

    [Test]
    public void DestroyRemovesSegmentAndSemaphoreAndMakesAttachmentsStale()
    {
        var key = Keys.Next();
        using var ring = SystemVRing.Create("TEST_RING", key, 1024);
        ring.Put(Heartbeat, RingReadTests.Text("a"));

        Assert.That(SystemVRing.Destroy(key), Is.True);

        Assert.That(SystemVRing.Exists(key), Is.False);
        Assert.That(ring.IsStale, Is.True);
        Assert.That(RingReadTests.ReadAll(ring, [Logo.Wildcard]), Has.Length.EqualTo(1), "the orphaned memory stays readable");
        Assert.That(ring.Put(Heartbeat, RingReadTests.Text("b")), Is.EqualTo(PutStatus.LockFailed));
        Assert.That(ring.LastProblem, Does.StartWith("ring TEST_RING (key").And.Contain("cannot take the ring semaphore"));
        Assert.That(SystemVRing.Destroy(key), Is.False);
    }

    [Test]
    public void RecreatingTheRingMakesOldAttachmentsStale()
    {
        var key = Keys.Next();
        using var old = SystemVRing.Create("TEST_RING", key, 1024);
        using var attached = SystemVRing.Attach("TEST_RING", key);

        using var recreated = SystemVRing.Create("TEST_RING", key, 2048);

        Assert.That((old.IsStale, attached.IsStale, recreated.IsStale), Is.EqualTo((true, true, false)));
        recreated.Put(Heartbeat, RingReadTests.Text("new"));
        using var fresh = SystemVRing.Attach("TEST_RING", key);
        Assert.That(RingReadTests.ReadAll(fresh, [Logo.Wildcard]), Is.EqualTo(new[] { "Ok 1/2/3 new" }));
        Assert.That(RingReadTests.ReadAll(attached, [Logo.Wildcard]), Is.Empty);
    }

    [Test]
    public void CreateReplacesASmallerStaleSegment()
    {
        var key = Keys.Next();
        using (SystemVRing.Create("TEST_RING", key, 512))
        {
        }
        using var bigger = SystemVRing.Create("TEST_RING", key, 8192);
        Assert.That(bigger.ReadHeader().NBytes, Is.EqualTo(8192));
    }

    [Test]
    public void SemaphoreIsFreeAfterPutsAndASemaphoreLeftTakenTimesOutInOneSecondOrAtOnceForTryPut()
    {
        var key = Keys.Next();
        using var ring = SystemVRing.Create("TEST_RING", key, 1024);
        var semId = SystemVIpc.SemGet(SystemVIpc.ToKeyT(key), 0, 0);
        Assert.That(SystemVIpc.SemCtl(semId, 0, SystemVIpc.GetVal, 0), Is.EqualTo(1));
        ring.Put(Heartbeat, RingReadTests.Text("a"));
        Assert.That(SystemVIpc.SemCtl(semId, 0, SystemVIpc.GetVal, 0), Is.EqualTo(1));

        // As if a C writer had died inside tport_putmsg (C takes it without SEM_UNDO).
        Assert.That(SystemVIpc.SemCtl(semId, 0, SystemVIpc.SetVal, 0), Is.EqualTo(0));
        var clock = Stopwatch.StartNew();
        var status = ring.Put(Heartbeat, RingReadTests.Text("b"));
        clock.Stop();

        Assert.That(status, Is.EqualTo(PutStatus.LockTimeout));
        Assert.That(clock.Elapsed, Is.InRange(TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5)));
        Assert.That(ring.LastProblem, Is.EqualTo(
            $"ring TEST_RING (key {key}): the ring semaphore stayed taken for 1 s (a writer may have died holding it)"));
        Assert.That(ring.ReadHeader().KeyIn, Is.EqualTo(25UL));

        clock.Restart();
        Assert.That(ring.TryPut(Heartbeat, RingReadTests.Text("c")), Is.EqualTo(PutStatus.LockTimeout));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(500)), "TryPut does not wait");
        Assert.That(ring.LastProblem, Is.EqualTo($"ring TEST_RING (key {key}): the ring semaphore is taken"));
        Assert.That(SystemVIpc.SemCtl(semId, 0, SystemVIpc.SetVal, 1), Is.EqualTo(0));
        Assert.That(ring.TryPut(Heartbeat, RingReadTests.Text("d")), Is.EqualTo(PutStatus.Ok));
        Assert.That(SystemVIpc.SemCtl(semId, 0, SystemVIpc.GetVal, 0), Is.EqualTo(1), "given back");
        Assert.That(ring.ReadHeader().KeyIn, Is.EqualTo(50UL), "a and d only");
    }

    [Test]
    public void CreateRejectsSizesThatCannotHoldARecord()
    {
        var key = Keys.Next();

        Assert.That(() => SystemVRing.Create("TEST_RING", key, 63), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => SystemVRing.Create("TEST_RING", key, 1024, RingLayout.Llp64), Throws.ArgumentException);
    }

    private static unsafe void Overwrite(long key, int offset, byte[] bytes)
    {
        var id = SystemVIpc.ShmGet(SystemVIpc.ToKeyT(key), 0, 0);
        var address = SystemVIpc.ShmAt(id, 0, 0);
        Assert.That(address, Is.Not.EqualTo((nint)(-1)));
        bytes.CopyTo(new Span<byte>((byte*)address + offset, bytes.Length));
        SystemVIpc.ShmDt(address);
    }
}
