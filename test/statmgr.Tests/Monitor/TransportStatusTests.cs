using Statmgr.Earthworm.Transport;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

public class TransportStatusTests
{
    [TestCase(nameof(GetStatus.Miss))]
    [TestCase(nameof(GetStatus.MissLapped))]
    [TestCase(nameof(GetStatus.MissSeqGap))]
    public void MissedMessagesAreError4AndTheMessageIsStillUsed(string statusName)
    {
        var status = Enum.Parse<GetStatus>(statusName);
        var h = Started();
        h.SetTime(T + 3);
        h.Ring.Enqueue(From(ModPick, Types.Heartbeat), $"{T + 3} 55\n", status);
        h.RunUntil(T + 4);
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 3) + "  ewhost/statmgr Missed msg(s)  inst:2 mod:3 typ:3  region:1050 Mail sent.\n" }));
        Assert.That(h.Module(ModPick).Timer, Is.EqualTo(T + 3));
        Assert.That(h.Log.Entries.Where(l => l.Flags == "t"), Is.Empty, "single-ring mode keeps its wait");
    }

    [Test]
    public void TooBigIsError5AndTheMessageIsSkipped()
    {
        var h = Started();
        h.Ring.Enqueue(From(ModPick, Types.Error), $"{T} 3 " + new string('x', 600) + "\n");
        h.Ring.Enqueue(From(ModPick, Types.Error), $"{T} 3 next one\n");
        h.RunUntil(T + 1);
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Utc(T) + "  ewhost/statmgr msg[614]  i2 m3 t2  too large to retrieve Mail sent.\n",
            Utc(T) + "  ewhost/pick_ew next one Page sent. Mail sent.\n",
        }));
    }

    [Test]
    public void ExactlyFiveHundredElevenBytesFit()
    {
        var h = Started();
        string body = $"{T} 3 ";
        body += new string('y', 511 - body.Length - 1) + "\n";
        h.Ring.Enqueue(From(ModPick, Types.Error), body);
        h.RunUntil(T + 1);
        Assert.That(h.Reports.Single(), Does.StartWith(Utc(T) + "  ewhost/pick_ew yyyy"));
    }

    [Test]
    public void NoTrackIsError6AndTheMessageIsStillUsed()
    {
        var h = Started();
        h.Ring.Enqueue(From(ModPick, Types.Heartbeat), $"{T + 9} 55\n", GetStatus.NoTrack);
        h.RunUntil(T + 1);
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T) + "  ewhost/statmgr transport.h NTRACK_GET exceeded Mail sent.\n" }));
        Assert.That(h.Module(ModPick).Timer, Is.EqualTo(T + 9));
    }

    [Test]
    public void MissingStatmgrErrorIsSaid()
    {
        var h = Started(h => h.Statmgr.Errors.RemoveAll(e => e.Number is 4 or 5));
        h.Ring.Enqueue(From(ModPick, Types.Heartbeat), $"{T} 55\n", GetStatus.MissLapped);
        h.Ring.Enqueue(From(ModPick, Types.Heartbeat), new string('9', 600));
        h.RunUntil(T + 1);
        Assert.That(h.Log.Entries, Is.EqualTo(new[]
        {
            ("e", "statmgr message tporterr: 4 status: -4 not found\n"),
            ("e", "statmgr message tporterr: 5 status: -3 not found\n"),
        }));
    }

    [Test]
    public void CorruptRingIsSaidAndReadingGoesOn()
    {
        var h = Started();
        h.Ring.LastProblem = "ring STATUS_RING (key 1050) is corrupt: record at 4096 starts with 0x00; skipped to the newest message";
        h.Ring.NextGetStatuses.Enqueue(GetStatus.Corrupt);
        h.Beat(ModPick, T + 7, "1");
        h.RunUntil(T + 1);
        Assert.That(h.Log.Entries, Is.EqualTo(new[] { ("et", "statmgr: ring STATUS_RING (key 1050) is corrupt: record at 4096 starts with 0x00; skipped to the newest message\n") }));
        Assert.That(h.Module(ModPick).Timer, Is.EqualTo(T + 7));
    }
}
