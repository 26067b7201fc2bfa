using System.Diagnostics;
using Statmgr.Earthworm.Transport;
using static Statmgr.Tests.Earthworm.Transport.RingTestLogos;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>A header that cannot be valid is reported once, the reader skips to the newest message and goes on; nothing crashes or spins (C exits).</summary>
public class RingCorruptionTests
{
    [Test]
    public void WrongFirstByteIsReportedOnceAndReadingGoesOnWithNewMessages()
    {
        using var heap = new HeapRing(4096, RingLayout.Lp64);
        heap.Ring.Put(Heartbeat, RingReadTests.Text("a"));
        heap.Ring.Put(Heartbeat, RingReadTests.Text("b"));
        heap.Ring.Put(Heartbeat, RingReadTests.Text("c"));
        heap.Bytes[40 + 25] = 0x00;
        var buffer = new byte[64];

        Assert.That(heap.Ring.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.Ok));
        Assert.That(heap.Ring.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.Corrupt));
        Assert.That(heap.Ring.LastProblem, Is.EqualTo(
            "ring HEAP_RING (key 4242) is corrupt: the record at key 25 starts with 0x00, not 0x6F; skipped to the newest message"));
        Assert.That(heap.Ring.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.None));

        heap.Ring.Put(Heartbeat, RingReadTests.Text("d"));
        Assert.That(RingReadTests.ReadAll(heap.Ring, [Logo.Wildcard]), Is.EqualTo(new[] { "Miss 1/2/3 d" }));
    }

    [Test]
    public void ImpossibleSizeIsCorruptForCopyfromToo()
    {
        using var heap = new HeapRing(4096, RingLayout.Ilp32);
        heap.Ring.Put(Heartbeat, RingReadTests.Text("a"));
        heap.Bytes[20 + 4 + 2] = 0x01; // size 65537

        Assert.That(heap.Ring.CopyFrom([Logo.Wildcard], new byte[64], out _, out _, out _), Is.EqualTo(GetStatus.Corrupt));
        Assert.That(heap.Ring.LastProblem, Does.Contain("the record at key 0 claims an impossible size 65537"));
    }

    [Test]
    public void NegativeSizeIsCorrupt()
    {
        using var heap = new HeapRing(4096, RingLayout.Lp64);
        heap.Ring.Put(Heartbeat, RingReadTests.Text("a"));
        heap.Bytes[40 + 15] = 0x80;

        Assert.That(heap.Ring.GetMessage([Logo.Wildcard], new byte[64], out _, out _), Is.EqualTo(GetStatus.Corrupt));
    }

    [Test]
    public void FlushStopsAtCorruption()
    {
        using var heap = new HeapRing(4096, RingLayout.Lp64);
        heap.Ring.Put(Heartbeat, RingReadTests.Text("a"));
        heap.Bytes[40] = 0x42;

        heap.Ring.Flush([Logo.Wildcard]);

        Assert.That(heap.Ring.LastProblem, Does.Contain("starts with 0x42"));
    }

    [Test]
    public void WriterThatCannotEvictReturnsCorruptAndReleasesTheLock()
    {
        using var heap = new HeapRing(40 + 100, RingLayout.Lp64);
        heap.Ring.Put(Heartbeat, new byte[50]);
        heap.Bytes[40] = 0x00;

        Assert.That(heap.Ring.Put(Heartbeat, new byte[50]), Is.EqualTo(PutStatus.Corrupt));

        Assert.That(heap.Lock.Held, Is.EqualTo(0));
        Assert.That(heap.Ring.LastProblem, Is.EqualTo(
            "ring HEAP_RING (key 4242) is corrupt: the record at keyold 0 starts with 0x00, not 0x6F"));
        Assert.That(heap.Ring.ReadHeader().KeyIn, Is.EqualTo(74UL));
    }

    [Test]
    public void KeyinBelowKeyoldNeitherSpinsNorThrows()
    {
        using var heap = new HeapRing(1024, RingLayout.Lp64);
        heap.Ring.Put(Heartbeat, RingReadTests.Text("a"));
        var layout = heap.Ring.Layout;
        layout.WriteLong(heap.Bytes, layout.KeyInOffset, 10);
        layout.WriteLong(heap.Bytes, layout.KeyOldOffset, 500);

        var status = heap.Ring.GetMessage([Logo.Wildcard], new byte[64], out _, out _);
        var copyStatus = heap.Ring.CopyFrom([Logo.Wildcard], new byte[64], out _, out _, out _);

        Assert.That(status, Is.AnyOf(GetStatus.None, GetStatus.Corrupt));
        Assert.That(copyStatus, Is.AnyOf(GetStatus.None, GetStatus.Corrupt));
    }

    [Test]
    public void KeyinFarBeyondKeyoldIsCorruptEvenWhenEveryHeaderLooksValid()
    {
        // keymax 4056 = 39 records of 24 + 80 bytes: the headers tile the ring, so a walk from
        // keyold to a damaged keyin 2^40 would go round them for hours.
        using var heap = RingOfUnwantedRecordsWithKeyIn(1L << 40);
        var clock = Stopwatch.StartNew();

        var status = heap.Ring.GetMessage([Heartbeat], new byte[64], out _, out _);

        Assert.That(status, Is.EqualTo(GetStatus.Corrupt));
        Assert.That(heap.Ring.LastProblem, Is.EqualTo(
            "ring HEAP_RING (key 4242) is corrupt: keyin 1099511627776 is more than keymax 4056 past keyold 0; skipped to the newest message"));
        Assert.That(heap.Ring.GetMessage([Heartbeat], new byte[64], out _, out _), Is.EqualTo(GetStatus.None));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void WriterRefusesKeyinFarBeyondKeyoldInsteadOfEvictingForEver()
    {
        using var heap = RingOfUnwantedRecordsWithKeyIn(1L << 40);

        Assert.That(heap.Ring.Put(Heartbeat, new byte[80]), Is.EqualTo(PutStatus.Corrupt));

        Assert.That(heap.Lock.Held, Is.EqualTo(0));
        Assert.That(heap.Ring.LastProblem, Is.EqualTo(
            "ring HEAP_RING (key 4242) is corrupt: keyin 1099511627776 is more than keymax 4056 past keyold 0"));
    }

    [Test]
    public void AFullRingIsNotMistakenForOneTooFull()
    {
        // keyin exactly keymax past keyold is the fullest valid ring: read and written as usual.
        using var heap = RingOfUnwantedRecordsWithKeyIn(4056);
        using var reader = heap.Attach();

        Assert.That(reader.GetMessage([Logo.Wildcard], new byte[128], out var logo, out _), Is.EqualTo(GetStatus.Ok));
        Assert.That(logo, Is.EqualTo(new Logo(1, 9, 9)));
        Assert.That(heap.Ring.Put(Heartbeat, new byte[80]), Is.EqualTo(PutStatus.Ok));
    }

    [Test]
    public void RecordsThatWouldRunPastTwoToTheSixtyFourAreCorruptNotAnEndlessWalk()
    {
        // Found by `make fuzz` (input 1,067,322): damaged 64-bit keys just below 2^64 and a record
        // whose end, measured as key + header + size, wraps to a small number behind keyold; the
        // walk went back to keyold and round again for ever.
        using var heap = new HeapRing(4096, RingLayout.Lp64);
        var layout = heap.Ring.Layout;
        const ulong keyOld = ulong.MaxValue - 99;
        const ulong keyIn = ulong.MaxValue - 9;
        var unwanted = new Logo(1, 9, 9);
        WriteRecordHeader(heap, keyOld, 50, unwanted);
        WriteRecordHeader(heap, keyOld + 24 + 50, 30, unwanted);
        layout.WriteLong(heap.Bytes, layout.KeyOldOffset, unchecked((long)keyOld));
        layout.WriteLong(heap.Bytes, layout.KeyInOffset, unchecked((long)keyIn));
        using var copier = heap.Attach();

        var status = RunOrFail(() => heap.Ring.GetMessage([Heartbeat], new byte[64], out _, out _));
        var copyStatus = RunOrFail(() => copier.CopyFrom([Heartbeat], new byte[64], out _, out _, out _));
        RunOrFail(() => heap.Ring.Put(Heartbeat, new byte[80]));

        Assert.That(status, Is.EqualTo(GetStatus.Corrupt));
        Assert.That(heap.Ring.LastProblem, Does.Contain($"the record at key {keyOld + 74} claims an impossible size 30"));
        Assert.That(copyStatus, Is.EqualTo(GetStatus.Corrupt));
        Assert.That(heap.Lock.Held, Is.Zero);
    }

    /// <summary>Runs a ring call on another thread; a call that has not come back in 10 s is the endless walk.</summary>
    private static T RunOrFail<T>(Func<T> call)
    {
        var task = Task.Factory.StartNew(call, TaskCreationOptions.LongRunning);
        Assert.That(task.Wait(TimeSpan.FromSeconds(10)), Is.True, "the ring call never came back");
        return task.Result;
    }

    /// <summary>A TPORT_HEAD at <paramref name="key"/>, split across the end of the ring where the key puts it.</summary>
    private static void WriteRecordHeader(HeapRing heap, ulong key, long size, Logo logo)
    {
        var layout = heap.Ring.Layout;
        var header = new byte[layout.TportHeadSize];
        header[0] = RingLayout.FirstByte;
        layout.WriteLong(header, layout.SizeOffset, size);
        header[layout.TypeOffset] = logo.Type;
        header[layout.ModuleOffset] = logo.Module;
        header[layout.InstallationOffset] = logo.Installation;
        var keyMax = (ulong)(heap.Bytes.Length - layout.ShmHeadSize);
        for (var i = 0; i < header.Length; i++)
        {
            heap.Bytes[layout.ShmHeadSize + (int)((key + (ulong)i) % keyMax)] = header[i];
        }
    }

    private static HeapRing RingOfUnwantedRecordsWithKeyIn(long keyIn)
    {
        var heap = new HeapRing(4096, RingLayout.Lp64);
        for (var i = 0; i < 39; i++)
        {
            heap.Ring.Put(new Logo(1, 9, 9), new byte[80]);
        }
        heap.Ring.Layout.WriteLong(heap.Bytes, heap.Ring.Layout.KeyInOffset, keyIn);
        return heap;
    }

    [Test]
    public void RandomHeadersAndDataNeverThrowOrHang([Values("LP64", "ILP32")] string layoutName)
    {
        var layout = layoutName == "LP64" ? RingLayout.Lp64 : RingLayout.Ilp32;
        var random = new Random(99);
        var buffer = new byte[511];
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < 2000; round++)
        {
            using var heap = new HeapRing(512, layout);
            using var other = heap.Attach();
            heap.Ring.Put(Heartbeat, RingReadTests.Text("seed"));
            random.NextBytes(heap.Bytes[layout.ShmHeadSize..]);
            // Keys anywhere in the layout's range, up to just below 2^64 for LP64.
            var keyIn = unchecked((ulong)random.NextInt64(long.MinValue, long.MaxValue)) & layout.KeyMask;
            var keyOld = random.Next(3) == 0 ? keyIn - (ulong)random.Next(0, 600) : unchecked((ulong)random.NextInt64(long.MinValue, long.MaxValue)) & layout.KeyMask;
            layout.WriteLong(heap.Bytes, layout.KeyInOffset, unchecked((long)keyIn));
            layout.WriteLong(heap.Bytes, layout.KeyOldOffset, unchecked((long)(keyOld & layout.KeyMask)));

            for (var call = 0; call < 5; call++)
            {
                heap.Ring.GetMessage([Logo.Wildcard], buffer, out _, out var length);
                Assert.That(length, Is.InRange(0, 511));
                other.CopyFrom([Heartbeat, Logo.Wildcard], buffer, out _, out _, out _);
                heap.Ring.Put(Heartbeat, buffer.AsSpan(0, random.Next(0, 200)));
            }
            heap.Ring.Flush([Logo.Wildcard]);
            Assert.That(heap.Lock.Held, Is.EqualTo(0));
        }
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
    }
}
