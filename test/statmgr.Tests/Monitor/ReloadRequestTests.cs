using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Monitor;

namespace Statmgr.Tests.Monitor;

/// <summary>
/// SIGHUP's way to the loop: readings run on a thread of their own, SIGHUPs during one fold into
/// one more, and a reading that throws is a refused reload, never a dead process.
/// </summary>
public class ReloadRequestTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Test]
    public void SighupsDuringAReadingFoldIntoOneMoreReadingAfterIt()
    {
        using var firstStarted = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var log = new CollectingLogit();
        int readings = 0;
        int wakes = 0;
        var request = new ReloadRequest("statmgr.d", () =>
        {
            int n = Interlocked.Increment(ref readings);
            if (n == 1)
            {
                firstStarted.Set();
                release.Wait(Patience);
            }
            return ReloadReading.Failed("statmgr.d", $"reading {n}");
        }, () => Interlocked.Increment(ref wakes), log);

        request.Request();
        Assert.That(firstStarted.Wait(Patience), Is.True, "the first reading started");
        for (var i = 0; i < 5; i++)
        {
            request.Request();
        }
        release.Set();
        Assert.That(SpinWait.SpinUntil(() => Volatile.Read(ref wakes) == 1, Patience), Is.True, "the first reading was handed over");

        // Each reading is taken by the loop before the next one starts: none is lost unsaid.
        Assert.That(request.TakeFinished()?.Problems[0].Text, Is.EqualTo("reading 1"), "the first reading waits for the loop");
        Assert.That(SpinWait.SpinUntil(() => Volatile.Read(ref wakes) == 2, Patience), Is.True, "the second reading was handed over");
        Assert.That(request.TakeFinished()?.Problems[0].Text, Is.EqualTo("reading 2"));
        Assert.That(request.TakeFinished(), Is.Null, "once");
        Assert.That(Volatile.Read(ref readings), Is.EqualTo(2), "five SIGHUPs during the first reading made one more");
        Assert.That(log.Entries, Is.EqualTo(new[] { ("et", "statmgr: SIGHUP: reloading statmgr.d\n"), ("et", "statmgr: SIGHUP: reloading statmgr.d\n") }));

        request.Request();
        Assert.That(SpinWait.SpinUntil(() => Volatile.Read(ref wakes) == 3, Patience), Is.True, "a SIGHUP after the readings starts a new one");
        Assert.That(request.TakeFinished()?.Problems[0].Text, Is.EqualTo("reading 3"));
    }

    [Test]
    public void AReadingThatThrowsIsARefusedReload()
    {
        int wakes = 0;
        var request = new ReloadRequest("statmgr.d", () => throw new IOException("disk gone"), () => Interlocked.Increment(ref wakes), new CollectingLogit());

        request.Request();
        Assert.That(SpinWait.SpinUntil(() => Volatile.Read(ref wakes) == 1, Patience), Is.True);

        var reading = request.TakeFinished()!;
        Assert.That(reading.Refused, Is.True);
        Assert.That(reading.Problems.Select(p => p.ToCheckLine()), Is.EqualTo(new[] { "statmgr.d:0: error: statmgr: disk gone" }));
    }
}
