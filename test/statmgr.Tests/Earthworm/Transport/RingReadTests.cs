using System.Text;
using Statmgr.Earthworm.Transport;
using static Statmgr.Tests.Earthworm.Transport.RingTestLogos;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>tport_getmsg / tport_copyfrom / tport_flush as C reads: where a reader starts, what it skips, sequence checks, flush.</summary>
public class RingReadTests
{
    private static readonly Logo OtherModule = new(1, 7, 3);
    private static readonly Logo OtherInst = new(5, 2, 3);

    [Test]
    public void NewReaderStartsAtTheOldestMessage()
    {
        using var heap = new HeapRing(4096, RingLayout.Lp64);
        heap.Ring.Put(Heartbeat, Text("a"));
        heap.Ring.Put(Heartbeat, Text("b"));
        using var reader = heap.Attach();

        Assert.That(ReadAll(reader, [Logo.Wildcard]), Is.EqualTo(new[] { "Ok 1/2/3 a", "Ok 1/2/3 b" }));
    }

    [TestCase(0, 0, 0, "a b c d")]
    [TestCase(1, 0, 0, "a b c")]
    [TestCase(0, 2, 0, "a b d")]
    [TestCase(0, 0, 3, "a c d")]
    [TestCase(1, 2, 3, "a")]
    [TestCase(5, 0, 3, "d")]
    [TestCase(9, 0, 0, "")]
    public void EachFieldOfAPatternIsWildWhenZero(int inst, int mod, int type, string expected)
    {
        using var heap = new HeapRing(4096, RingLayout.Lp64);
        heap.Ring.Put(Heartbeat, Text("a"));
        heap.Ring.Put(Error, Text("b"));
        heap.Ring.Put(OtherModule, Text("c"));
        heap.Ring.Put(OtherInst, Text("d"));

        var texts = ReadAll(heap.Ring, [new Logo((byte)inst, (byte)mod, (byte)type)]).Select(s => s[^1..]);
        Assert.That(string.Join(' ', texts), Is.EqualTo(expected));
    }

    [Test]
    public void AMessageIsTakenWhenAnyPatternMatches()
    {
        using var heap = new HeapRing(4096, RingLayout.Lp64);
        heap.Ring.Put(Heartbeat, Text("a"));
        heap.Ring.Put(Error, Text("b"));
        heap.Ring.Put(OtherModule, Text("c"));

        Assert.That(ReadAll(heap.Ring, [Error, OtherModule]), Is.EqualTo(new[] { "Ok 1/2/2 b", "Ok 1/7/3 c" }));
    }

    [Test]
    public void SkippedMessagesAreNotSeenAgainBySamePatternsButANewPatternStartsAtTheOldest()
    {
        using var heap = new HeapRing(4096, RingLayout.Lp64);
        heap.Ring.Put(Heartbeat, Text("a"));
        heap.Ring.Put(Error, Text("b"));

        Assert.That(ReadAll(heap.Ring, [Error]), Is.EqualTo(new[] { "Ok 1/2/2 b" }));
        heap.Ring.Put(Heartbeat, Text("c"));
        Assert.That(ReadAll(heap.Ring, [Error]), Is.Empty);
        // The Heartbeat pattern matches no row yet (a row's fields must equal it or the pattern be
        // wild), so it starts at keyold and sees what the Error pattern skipped.
        Assert.That(ReadAll(heap.Ring, [Heartbeat]), Is.EqualTo(new[] { "Ok 1/2/3 a", "Ok 1/2/3 c" }));
    }

    [Test]
    public void AWildcardPatternStartsAfterTheFurthestRowItMatches()
    {
        using var heap = new HeapRing(4096, RingLayout.Lp64);
        heap.Ring.Put(Heartbeat, Text("a"));
        heap.Ring.Put(Error, Text("b"));
        Assert.That(ReadAll(heap.Ring, [Error]), Is.EqualTo(new[] { "Ok 1/2/2 b" }));
        heap.Ring.Put(Heartbeat, Text("c"));

        // The wildcard matches the 1/2/2 row, which is past "a".
        Assert.That(ReadAll(heap.Ring, [Logo.Wildcard]), Is.EqualTo(new[] { "Ok 1/2/3 c" }));
    }

    [Test]
    public void SequenceIsCheckedPerLogoAndWrapsAt256()
    {
        using var heap = new HeapRing(1 << 16, RingLayout.Lp64);
        var buffer = new byte[16];
        for (var i = 0; i < 600; i++)
        {
            Assert.That(heap.Ring.Put(i % 2 == 0 ? Heartbeat : Error, Text("x")), Is.EqualTo(PutStatus.Ok));
            Assert.That(heap.Ring.CopyFrom([Logo.Wildcard], buffer, out _, out _, out var seq), Is.EqualTo(GetStatus.Ok));
            Assert.That(seq, Is.EqualTo((byte)(i / 2)));
            Assert.That(heap.Ring.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.Ok));
        }
    }

    [Test]
    public void SequenceGapWithoutOverrunIsMissFromGetmsgAndSeqGapFromCopyfrom()
    {
        using var heap = new HeapRing(4096, RingLayout.Lp64);
        var buffer = new byte[16];
        heap.Ring.CopyTo(Heartbeat, Text("a"), 10);
        heap.Ring.CopyTo(Heartbeat, Text("b"), 11);
        heap.Ring.CopyTo(Heartbeat, Text("c"), 13);

        Assert.That(ReadAll(heap.Ring, [Logo.Wildcard]), Is.EqualTo(new[] { "Ok 1/2/3 a", "Ok 1/2/3 b", "Miss 1/2/3 c" }));
        using var copier = heap.Attach();
        var statuses = new List<(GetStatus, byte)>();
        while (copier.CopyFrom([Logo.Wildcard], buffer, out _, out _, out var seq) is var s && s != GetStatus.None)
        {
            statuses.Add((s, seq));
        }
        Assert.That(statuses, Is.EqualTo(new[] { (GetStatus.Ok, (byte)10), (GetStatus.Ok, (byte)11), (GetStatus.MissSeqGap, (byte)13) }));
    }

    [Test]
    public void GetmsgAndCopyfromKeepSeparatePositions()
    {
        using var heap = new HeapRing(4096, RingLayout.Lp64);
        var buffer = new byte[16];
        heap.Ring.Put(Heartbeat, Text("a"));

        Assert.That(heap.Ring.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.Ok));
        Assert.That(heap.Ring.CopyFrom([Logo.Wildcard], buffer, out _, out _, out _), Is.EqualTo(GetStatus.Ok));
        Assert.That(heap.Ring.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.None));
    }

    [Test]
    public void FlushSkipsWhatIsThereAndSharesGetmsgPositions()
    {
        using var heap = new HeapRing(4096, RingLayout.Lp64);
        heap.Ring.Put(Heartbeat, Text("a"));
        heap.Ring.Put(Error, Text("b"));
        heap.Ring.Put(Heartbeat, Text("c"));

        heap.Ring.Flush([Heartbeat]);

        Assert.That(ReadAll(heap.Ring, [Heartbeat]), Is.Empty);
        heap.Ring.Put(Heartbeat, Text("d"));
        Assert.That(ReadAll(heap.Ring, [Heartbeat]), Is.EqualTo(new[] { "Ok 1/2/3 d" }));
        Assert.That(ReadAll(heap.Ring, [Error]), Is.EqualTo(new[] { "Ok 1/2/2 b" }), "flush of one logo leaves the others");
    }

    [Test]
    public void FlushIgnoresTheSizeLimit()
    {
        using var heap = new HeapRing(4096, RingLayout.Lp64);
        heap.Ring.Put(Heartbeat, new byte[2000]);
        heap.Ring.Flush([Logo.Wildcard]);
        Assert.That(heap.Ring.GetMessage([Logo.Wildcard], new byte[1], out _, out _), Is.EqualTo(GetStatus.None));
    }

    [Test]
    public void FullReadTableGivesNoTrackForNewLogos()
    {
        using var heap = new HeapRing(1 << 16, RingLayout.Lp64);
        var buffer = new byte[16];
        // 1 pattern row + 499 delivered logos fill the 500-row table.
        for (var i = 0; i < 499; i++)
        {
            heap.Ring.CopyTo(new Logo((byte)(1 + i / 250), (byte)(1 + i % 250), 3), Text("x"), 0);
        }
        heap.Ring.CopyTo(new Logo(9, 9, 9), Text("new"), 0);
        heap.Ring.CopyTo(new Logo(1, 1, 3), Text("old"), 1);

        var statuses = new List<GetStatus>();
        while (heap.Ring.GetMessage([Logo.Wildcard], buffer, out _, out _) is var s && s != GetStatus.None)
        {
            statuses.Add(s);
        }
        Assert.That(statuses, Has.Count.EqualTo(501));
        Assert.That(statuses.Take(499), Is.All.EqualTo(GetStatus.Ok));
        Assert.That(statuses[499], Is.EqualTo(GetStatus.NoTrack));
        Assert.That(statuses[500], Is.EqualTo(GetStatus.Ok), "a logo already tracked is still checked");
    }

    [Test]
    public void EmptyPatternListTakesNothing()
    {
        using var heap = new HeapRing(4096, RingLayout.Lp64);
        heap.Ring.Put(Heartbeat, Text("a"));
        Assert.That(heap.Ring.GetMessage([], new byte[16], out _, out _), Is.EqualTo(GetStatus.None));
        Assert.That(ReadAll(heap.Ring, [Logo.Wildcard]), Has.Length.EqualTo(1));
    }

    [Test]
    public void ManyWrapsWithRandomLengthsDeliverEveryByte()
    {
        using var heap = new HeapRing(1000, RingLayout.Lp64);
        using var reader = heap.Attach();
        var random = new Random(1234);
        var buffer = new byte[511];
        for (var i = 0; i < 5000; i++)
        {
            var body = new byte[random.Next(0, 300)];
            random.NextBytes(body);
            var logo = new Logo((byte)random.Next(1, 4), 2, 3);
            Assert.That(heap.Ring.Put(logo, body), Is.EqualTo(PutStatus.Ok));
            Assert.That(reader.GetMessage([Logo.Wildcard], buffer, out var got, out var length), Is.EqualTo(GetStatus.Ok));
            Assert.That(got, Is.EqualTo(logo));
            Assert.That(buffer.AsSpan(0, length).SequenceEqual(body), Is.True, $"message {i}");
        }
    }

    internal static byte[] Text(string s) => Encoding.ASCII.GetBytes(s);

    internal static string[] ReadAll(ITransportRing ring, Logo[] wanted)
    {
        var buffer = new byte[511];
        var result = new List<string>();
        for (var i = 0; i < 10_000; i++)
        {
            var status = ring.GetMessage(wanted, buffer, out var logo, out var length);
            if (status == GetStatus.None)
            {
                return [.. result];
            }
            result.Add($"{status} {logo.Installation}/{logo.Module}/{logo.Type} {Encoding.ASCII.GetString(buffer, 0, length)}");
        }
        throw new AssertionException("the reader never reported None");
    }
}
