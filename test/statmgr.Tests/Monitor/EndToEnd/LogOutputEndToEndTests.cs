using System.Text.RegularExpressions;
using Statmgr.Tests.Fixtures;
using static Statmgr.TestSupport.SiteNumbers;
using static Statmgr.Tests.Monitor.EndToEnd.StatmgrSite;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>
/// statmgr run as its own process with its output going nowhere: a log on a full disk, a console
/// nobody reads. Alarms must still go out, and the process must still stop when told.
/// </summary>
[Category(TestCategory.WholeProcess), Platform(Include = "Linux"), NonParallelizable]
public class LogOutputEndToEndTests
{
    private const string DeathReport = "ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n";
    private const string StopReport = "ewhost/statmgr Program stopping. Page sent.\n";

    /// <summary>The report of a heartbeat "garbage", which statmgr cannot decode: over a hundred bytes to log and to stderr.</summary>
    private const string GarbageReport = "ewhost/statmgr error decoding heartbeat time, non-numeric char <g> found at position 0, from mod:4\n";

    private StatmgrSite? _site;
    private SmallFilesystem? _disk;

    [TearDown]
    public void TearDown()
    {
        // statmgr first: it holds its log open on the small filesystem.
        _site?.Dispose();
        _disk?.Dispose();
    }

    private StatmgrSite Site => _site!;

    /// <summary>Puts heartbeats statmgr cannot decode: each one is a report in the log and on stderr.</summary>
    private void PutGarbage(int count) => Site.EwringPut(Site.StatusKey, ModTank, TypeHeartbeat, "garbage\\n", count);

    /// <summary>A module that beats for a second and stops.</summary>
    private void RunModuleThatDies()
    {
        using var module = Site.StartModule(Site.StatusKey, ModPick, 500, 1000);
        Assert.That(module.WaitForExit(30_000), Is.True);
    }

    [Test]
    public void AFullDiskIsPagedLeavesNoHalfLineAndTheLossIsCountedOnceThereIsRoom()
    {
        _disk = SmallFilesystem.Mount();
        _site = new StatmgrSite(_disk.Directory);
        Site.WriteConfig(pickTsec: 2);
        var ring = Site.CreateRing("STATUS_RING", Site.StatusKey);
        var watch = new RingWatcher(ring, TypePage);
        Site.StartStatmgr();
        Site.WaitForLog(StartupReport, StartupLimit);

        _disk.Fill();
        // More than the room left in the log's last block, so some report is cut short by the disk.
        PutGarbage(100);
        foreach (var group in new[] { "ops", "night" })
        {
            watch.WaitFor(TypePage, t => t.StartsWith($"group: {group} UTC_", StringComparison.Ordinal)
                && t.EndsWith("  ewhost/statmgr log file writes failed (No space left on device); log entries are lost until it can be written. Page sent.\n#", StringComparison.Ordinal),
                TimeSpan.FromSeconds(10), Site.Log);
        }
        RunModuleThatDies();
        watch.WaitFor(TypePage, t => t.EndsWith(DeathReport + "#", StringComparison.Ordinal), TimeSpan.FromSeconds(2 + 3), Site.Log);
        Assert.That(Site.Log(), Does.Not.Contain(DeathReport), "the disk is full");

        _disk.Free();
        Site.CatchUp();

        var messages = Site.Messages();
        var lostLine = new Regex(@"^\d{8}_UTC_\d\d:\d\d:\d\d statmgr: log file writes failed from \d{8}_UTC_\d\d:\d\d:\d\d; (\d+) entries lost \(No space left on device\)$");
        var report = new Regex(@"^UTC_\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}  ");
        // The status file is on the same disk: its failure is said once, and so is its recovery.
        var statusFile = new Regex(@"^\d{8}_UTC_\d\d:\d\d:\d\d statmgr: (cannot write the status file .*: No space left on device.*; monitoring goes on|the status file .* is written again)$");
        var lines = messages.Split('\n');
        Assert.That(lines[^1], Is.Empty, "the log ends with a whole line");
        // A half line glued to the next one would hold two times.
        Assert.That(lines[..^1], Has.All.Matches<string>(line => lostLine.IsMatch(line) || statusFile.IsMatch(line)
            || (report.IsMatch(line) && Occurrences(line, "UTC_") == 1)), "whole reports, the count of what was lost and the status file's lines, no half line");
        Assert.That(lines.Count(statusFile.IsMatch), Is.LessThanOrEqualTo(2), messages);
        var counts = lines.Select(line => lostLine.Match(line)).Where(match => match.Success).ToList();
        Assert.That(counts, Has.Count.EqualTo(1), messages);
        Assert.That(int.Parse(counts[0].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(1),
            "at least the death report and the page of the loss were lost");
        Assert.That(Occurrences(Site.Stderr, ": No space left on device; log entries are lost until it can be written.\n"), Is.EqualTo(1), Site.Stderr);
    }

    [Test]
    public void AConsoleNobodyReadsCannotStopTheAlarmsOrTheStop()
    {
        _site = new StatmgrSite();
        Site.WriteConfig(pickTsec: 2);
        Site.CreateRing("STATUS_RING", Site.StatusKey);
        Site.StartStatmgrNobodyReads();
        Site.WaitForLog(StartupReport, StartupLimit);

        // Far more report text than a pipe holds (64 KiB): stderr fills up.
        PutGarbage(1000);
        Site.CatchUp();
        RunModuleThatDies();
        Site.WaitForLog(DeathReport, TimeSpan.FromSeconds(2 + 3));

        Site.Terminate();
        Assert.That(Site.WaitForExit(TimeSpan.FromSeconds(10)), Is.EqualTo(0), Site.Messages());
        var log = Site.Log();
        Assert.That(log, Does.Contain(StopReport));
        Assert.That(Occurrences(log, "statmgr: stderr is not taking output; writes to it are dropped until it does\n"), Is.EqualTo(1));
        Assert.That(Occurrences(log, GarbageReport), Is.EqualTo(1000), "the log keeps every report the console dropped");
    }
}
