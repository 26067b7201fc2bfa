using System.Text;
using Statmgr.Earthworm.Time;
using Statmgr.Earthworm.Transport;
using static Statmgr.TestSupport.SiteNumbers;
using static Statmgr.Tests.Monitor.EndToEnd.StatmgrSite;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>Messages written to deceive statmgr: times from the far future, notes that imitate its own lines and pages.</summary>
public partial class StatmgrEndToEndTests
{
    private static readonly char[] RawControls = ['\u001b', '\r'];

    /// <summary>Heartbeat times C (32-bit) read as long past and the 64-bit port, before the sanity bound, as far ahead.</summary>
    private static readonly string[] FarFutureStamps = ["9999999999", "99999999999999999999"];

    [Test]
    public void HeartbeatsFromTheFarFutureCannotHideADeath()
    {
        _site.WriteConfig(pickTsec: 3);
        var ring = _site.CreateRing("STATUS_RING", _site.StatusKey);
        _site.StartStatmgr();
        _site.WaitForLog(StartupReport, Startup);

        // The forged heartbeats come after the module's last real one, as a module that dies
        // right after a bad clock reading would leave them.
        using var module = _site.StartModule(_site.StatusKey, ModPick, 500, 2000);
        Assert.That(module.WaitForExit(30_000), Is.True);
        Assert.That(module.ExitCode, Is.EqualTo(0), module.StandardError.ReadToEnd());
        foreach (var stamp in FarFutureStamps)
        {
            Assert.That(ring.Put(new Logo(Inst, ModPick, TypeHeartbeat), Encoding.ASCII.GetBytes(stamp + "\n")), Is.EqualTo(PutStatus.Ok));
        }
        _site.WaitForLog("ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n", TimeSpan.FromSeconds(3 + 2));
        foreach (var stamp in FarFutureStamps)
        {
            Assert.That(_site.Log(), Does.Contain(
                $"ewhost/statmgr error decoding heartbeat time, <{stamp}> is more than 86400 s ahead of statmgr's clock, from mod:3\n"));
        }
    }

    [Test]
    public void AForgedNoteIsOneLogLineAndOnePagePerGroupAndControlBytesAreShown()
    {
        _site.WriteConfig();
        var ring = _site.CreateRing("STATUS_RING", _site.StatusKey);
        var watch = new RingWatcher(ring, TypePage);
        _site.StartStatmgr();
        _site.WaitForLog(StartupReport, Startup);

        // Three errors make one batch of tankplayer's rule 7, which pages both groups.
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string stamp = "UTC_" + AscTime.Format(now);
        string forged = stamp + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.";
        _site.EwringPut(_site.StatusKey, ModTank, TypeError, $"{now} 7 disk full\\n{forged}\\n#group: boss forged page\\n", count: 3);
        string report = $"{stamp}  ewhost/tankplayer disk full {forged} #group: boss forged page Page sent.\n";
        _site.WaitForLog(report, TimeSpan.FromSeconds(5));
        _site.EwringPut(_site.StatusKey, ModTank, TypeHeartbeat, $"{now} 1 \u001b[2J\rforged\\n");
        const string visible = "1 \\x1B[2J\\x0Dforged , wrong number of tokens 3, from mod:4\n";
        _site.WaitForLog(visible, TimeSpan.FromSeconds(5));

        var log = _site.Log();
        Assert.That(log.Split('\n').Where(line => line.Contains("disk full", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(1), log);
        Assert.That(log.IndexOfAny(RawControls), Is.EqualTo(-1), "no raw ESC or CR in the log");
        Assert.That(_site.Stderr, Does.Contain(visible));
        Assert.That(_site.Stderr.IndexOfAny(RawControls), Is.EqualTo(-1), "no raw ESC or CR on the console");
        string page = report.Replace('#', ' ') + "#";
        Assert.That(watch.Texts(TypePage).Where(text => text.Contains("disk full", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "group: ops " + page, "group: night " + page }));
        Assert.That(watch.Texts(TypePage), Has.All.Matches<string>(text => text.IndexOf('#', StringComparison.Ordinal) == text.Length - 1),
            "every TYPE_PAGE has one #, its last byte");
    }
}
