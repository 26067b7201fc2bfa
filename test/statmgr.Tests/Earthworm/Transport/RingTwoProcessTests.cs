using System.Diagnostics;
using System.Globalization;
using System.Text;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>Writers and reader in separate processes: ewring put children write, this process reads.</summary>
public class RingTwoProcessTests
{
    private readonly TestRingKeys _keys = new();
    private readonly List<Process> _children = [];

    [TearDown]
    public void StopChildrenAndRemoveRings()
    {
        foreach (var child in _children)
        {
            ChildProgram.Stop(child);
        }
        _children.Clear();
        _keys.DestroyAll();
    }

    [Test]
    public void MillionMessagesFromFourWritersArriveWithoutLossWhileTheReaderKeepsUp()
    {
        const int writers = 4;
        const int perWriter = 250_000;
        var key = _keys.Next();
        using var ring = SystemVRing.Create("BIG_RING", key, 16 << 20);
        for (var w = 0; w < writers; w++)
        {
            // Module ids 11..14, and each writer's text a different length.
            _children.Add(EwringTool.Start("put", key.ToString(CultureInfo.InvariantCulture), "6", (11 + w).ToString(CultureInfo.InvariantCulture),
                "3", new string('w', w * 7) + "#{n}", "--count", perWriter.ToString(CultureInfo.InvariantCulture), "--rate", "75000"));
        }

        var next = new int[writers];
        var buffer = new byte[511];
        Span<byte> expected = stackalloc byte[64];
        var received = 0;
        var deadline = Stopwatch.StartNew();
        while (received < writers * perWriter)
        {
            var status = ring.CopyFrom([new Logo(6, 0, 3)], buffer, out var logo, out var length, out var seq);
            if (status == GetStatus.None)
            {
                Assert.That(deadline.Elapsed, Is.LessThan(TimeSpan.FromSeconds(120)), $"only {received} messages arrived");
                Assert.That(_children.TrueForAll(c => !c.HasExited || c.ExitCode == 0), Is.True, "a writer failed");
                Thread.Sleep(1);
                continue;
            }
            var w = logo.Module - 11;
            Assert.That(status, Is.EqualTo(GetStatus.Ok), $"message {received} (writer {w}, #{next[w]})");
            Assert.That(seq, Is.EqualTo((byte)next[w]));
            var text = Encoding.ASCII.GetBytes(new string('w', w * 7) + "#");
            text.CopyTo(expected);
            next[w].TryFormat(expected[text.Length..], out var digits, provider: CultureInfo.InvariantCulture);
            if (!buffer.AsSpan(0, length).SequenceEqual(expected[..(text.Length + digits)]))
            {
                Assert.Fail($"writer {w} message {next[w]}: got '{Encoding.ASCII.GetString(buffer, 0, length)}'");
            }
            next[w]++;
            received++;
        }

        Assert.That(next, Is.All.EqualTo(perWriter));
        foreach (var child in _children)
        {
            Assert.That(child.WaitForExit(30_000), Is.True);
            Assert.That(child.ExitCode, Is.EqualTo(0), child.StandardError.ReadToEnd());
        }
        Assert.That(ring.CopyFrom([Logo.Wildcard], buffer, out _, out _, out _), Is.EqualTo(GetStatus.None));
    }

    [Test]
    public void StalledReaderIsToldItWasLappedThenReadsOnWithoutFurtherLoss()
    {
        const int count = 10_000;
        var key = _keys.Next();
        using var getReader = SystemVRing.Create("SMALL_RING", key, 64 * 1024);
        using var copyReader = SystemVRing.Attach("SMALL_RING", key);
        var buffer = new byte[511];

        // A first writer process puts one message, which both readers take; a second one (same
        // logo, so its sequence starts again at 0) then writes far more than the ring holds while
        // the readers stall. Sizes are fixed, so where the survivors start is too.
        Assert.That(EwringTool.Run("put", key.ToString(CultureInfo.InvariantCulture), "6", "11", "3", "prime").ExitCode, Is.EqualTo(0));
        Assert.That(getReader.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.Ok));
        Assert.That(copyReader.CopyFrom([Logo.Wildcard], buffer, out _, out _, out _), Is.EqualTo(GetStatus.Ok));
        var writer = EwringTool.Run("put", key.ToString(CultureInfo.InvariantCulture), "6", "11", "3", "message {n}",
            "--count", count.ToString(CultureInfo.InvariantCulture));
        Assert.That(writer.ExitCode, Is.EqualTo(0), writer.Error);

        Assert.That(getReader.GetMessage([Logo.Wildcard], buffer, out _, out var length), Is.EqualTo(GetStatus.Miss));
        var resumedAt = int.Parse(Encoding.ASCII.GetString(buffer, 0, length)["message ".Length..], CultureInfo.InvariantCulture);
        Assert.That(copyReader.CopyFrom([Logo.Wildcard], buffer, out _, out length, out var seq), Is.EqualTo(GetStatus.MissLapped));
        Assert.That((Encoding.ASCII.GetString(buffer, 0, length), seq), Is.EqualTo(($"message {resumedAt}", (byte)resumedAt)));
        Assert.That(resumedAt, Is.GreaterThan(count - 1900).And.LessThan(count), "it resumed at the oldest message still in the ring");
        Assert.That(getReader.ReadHeader().KeyOld, Is.GreaterThan(0UL));

        for (var n = resumedAt + 1; n < count; n++)
        {
            Assert.That(getReader.GetMessage([Logo.Wildcard], buffer, out _, out length), Is.EqualTo(GetStatus.Ok));
            Assert.That(Encoding.ASCII.GetString(buffer, 0, length), Is.EqualTo($"message {n}"));
            Assert.That(copyReader.CopyFrom([Logo.Wildcard], buffer, out _, out _, out seq), Is.EqualTo(GetStatus.Ok));
            Assert.That(seq, Is.EqualTo((byte)n));
        }
        Assert.That(getReader.GetMessage([Logo.Wildcard], buffer, out _, out _), Is.EqualTo(GetStatus.None));
    }
}
