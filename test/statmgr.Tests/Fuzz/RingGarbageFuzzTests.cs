using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Statmgr.Earthworm.Transport;
using Statmgr.EwRing;
using Statmgr.Tests.Earthworm.Transport;

namespace Statmgr.Tests.Fuzz;

/// <summary>
/// The ring reader (getmsg, copyfrom, flush) and writer on damaged rings: on a real System V ring
/// while another process, <c>ewring garble</c>, keeps overwriting its bytes, and (seeded, so any
/// failure replays) on rings damaged in process between the calls. Every call must come back: no
/// exception, no hang, no heap growth. Each input is one seeded operation or one damaged ring.
/// </summary>
[Category(TestCategory.Fuzz)]
[NonParallelizable]
public class RingGarbageFuzzTests
{
    private const int RingBytes = 64 * 1024;

    private readonly TestRingKeys _keys = new();
    private Process? _garbler;
    private TransportRing? _ring;

    [TearDown]
    public void TearDown()
    {
        if (_garbler is not null)
        {
            ChildProgram.Stop(_garbler);
            _garbler.Dispose();
            _garbler = null;
        }
        _ring?.Dispose();
        _ring = null;
        _keys.DestroyAll();
    }

    [Test]
    public void ReadersNeitherThrowNorHangNorGrowWhileAnotherProcessWritesGarbage()
    {
        var key = _keys.Next();
        _ring = SystemVRing.Create("FUZZ_RING", key, RingBytes);
        var inputs = FuzzBudget.Inputs;
        // Long enough for any budget; the garbler is killed at the end anyway.
        var seconds = 120 + inputs / 5_000;
        _garbler = EwringTool.Start("garble", Text(key), "--seed", Text(FuzzBudget.Seed), "--seconds", Text(seconds));
        var garbler = _garbler;
        Assert.That(garbler.StandardOutput.ReadLine(), Does.StartWith("garbling "), () => garbler.StandardError.ReadToEnd());

        var random = new Random(FuzzBudget.Seed + 7);
        var calls = new RingCalls(random);
        TransportRing? reader = null;
        var run = new WatchedRun(inputs, (_, run) =>
        {
            switch (random.Next(20))
            {
                case 0:
                    run.Operation = "attach";
                    reader?.Dispose();
                    reader = null;
                    try
                    {
                        reader = SystemVRing.Attach("FUZZ_RING", key);
                    }
                    catch (TransportRingException)
                    {
                        // A garbled nbytes or keymax: attaching refuses it, as it must.
                    }
                    break;
                case 1:
                    run.Operation = "repair";
                    Repair(_ring);
                    break;
                default:
                    calls.One(_ring, reader ?? _ring, run);
                    break;
            }
        });
        try
        {
            run.RunAndWatch();
        }
        finally
        {
            reader?.Dispose();
        }

        Assert.That(garbler.HasExited, Is.False, "the garbler must have run all along");
        TestContext.Out.WriteLine($"{inputs} inputs: {calls}");
        Assert.That(calls.Count(GetStatus.Corrupt), Is.GreaterThan(0), "the garbage was seen");
        Assert.That(calls.Count(GetStatus.Ok), Is.GreaterThan(0), "messages were read too");
        Assert.That(run.HeapGrowth, Is.LessThan(4L << 20), "heap growth after the first tenth of the inputs");
    }

    [Test]
    public void RingsDamagedBetweenCallsNeverThrowNorHang([Values("LP64", "ILP32")] string layoutName)
    {
        var layout = layoutName == "LP64" ? RingLayout.Lp64 : RingLayout.Ilp32;
        var random = new Random(FuzzBudget.Seed + (layoutName == "LP64" ? 11 : 13));
        var calls = new RingCalls(random);
        var run = new WatchedRun(FuzzBudget.Inputs, (_, run) =>
        {
            var length = layout.ShmHeadSize + 64 + random.Next(8192);
            run.Operation = "create";
            using var heap = new HeapRing(length, layout);
            using var reader = heap.Attach();
            var damage = new RingDamage(random, layout, length);
            for (var round = 0; round < 3; round++)
            {
                calls.One(heap.Ring, heap.Ring, run);
                run.Operation = "damage";
                for (var d = random.Next(4); d >= 0; d--)
                {
                    damage.Apply(heap.Bytes);
                }
                calls.One(heap.Ring, reader, run);
                run.Operation = "attach";
                using var fresh = random.Next(2) == 0 ? null : TryAttach(heap);
                calls.One(heap.Ring, fresh ?? reader, run);
            }
            Assert.That(heap.Lock.Held, Is.Zero, "a writer left the lock held");
        });

        run.RunAndWatch();

        TestContext.Out.WriteLine($"{FuzzBudget.Inputs} rings: {calls}");
        Assert.That(calls.Count(GetStatus.Corrupt), Is.GreaterThan(0));
        Assert.That(calls.Count(GetStatus.Ok), Is.GreaterThan(0));
        Assert.That(run.HeapGrowth, Is.LessThan(4L << 20));
    }

    /// <summary>A new attachment, or null when the damaged header refuses one (SystemVRing.Attach's TransportRingException).</summary>
    private static TransportRing? TryAttach(HeapRing heap)
    {
        try
        {
            return heap.Attach();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>What startstop's re-creation would leave: a true nbytes and keymax, and an empty ring.</summary>
    private static unsafe void Repair(TransportRing ring)
    {
        var layout = ring.Layout;
        fixed (byte* start = ring.MappedBytes)
        {
            var header = new Span<byte>(start, layout.ShmHeadSize);
            layout.WriteLong(header, layout.NBytesOffset, RingBytes);
            layout.WriteLong(header, layout.KeyMaxOffset, RingBytes - layout.ShmHeadSize);
            layout.WriteLong(header, layout.KeyOldOffset, layout.ReadLong(header, layout.KeyInOffset));
        }
    }

    /// <summary>One random ring call (put, getmsg, copyfrom, flush, header), with the status counted and its length checked.</summary>
    private sealed class RingCalls(Random random)
    {
        private const int BufferBytes = 511;
        private static readonly Logo[] Logos =
        [
            new(2, 3, 3), new(2, 3, 2), new(1, 4, 3), new(0, 0, 0), new(2, 0, 0), new(3, 5, 5), Logo.Wildcard,
        ];

        private readonly byte[] _buffer = new byte[BufferBytes];
        private readonly byte[] _body = new byte[700];
        private readonly Dictionary<GetStatus, long> _statuses = new();

        public long Count(GetStatus status) => _statuses.GetValueOrDefault(status);

        public void One(TransportRing writer, TransportRing reader, WatchedRun run)
        {
            switch (random.Next(16))
            {
                case < 5:
                    run.Operation = "put";
                    random.NextBytes(_body);
                    writer.Put(Logos[random.Next(Logos.Length - 1)], _body.AsSpan(0, random.Next(_body.Length)));
                    break;
                case < 10:
                    run.Operation = "getmsg";
                    var status = reader.GetMessage(Wanted(), _buffer, out _, out var length);
                    Check(status, length);
                    break;
                case < 14:
                    run.Operation = "copyfrom";
                    status = reader.CopyFrom(Wanted(), _buffer, out _, out length, out _);
                    Check(status, length);
                    break;
                case 14:
                    run.Operation = "flush";
                    reader.Flush(Wanted());
                    break;
                default:
                    run.Operation = "header";
                    _ = reader.ReadHeader();
                    break;
            }
        }

        public override string ToString() => string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"));

        private Logo[] Wanted()
        {
            var wanted = new Logo[1 + random.Next(3)];
            for (var i = 0; i < wanted.Length; i++)
            {
                wanted[i] = Logos[random.Next(Logos.Length)];
            }
            return wanted;
        }

        private void Check(GetStatus status, int length)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_statuses, status, out _)++;
            switch (status)
            {
                case GetStatus.None or GetStatus.Corrupt:
                    Assert.That(length, Is.Zero, status.ToString());
                    break;
                case GetStatus.TooBig:
                    Assert.That(length, Is.GreaterThan(BufferBytes));
                    break;
                default:
                    Assert.That(length, Is.InRange(0, BufferBytes), status.ToString());
                    break;
            }
        }
    }
}
