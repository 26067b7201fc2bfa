using System.Text.Json;
using Statmgr.Silences;
using Statmgr.Status;
using Statmgr.Tests.Monitor;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Silences;

/// <summary>
/// Silences on the fake clock: the monitor takes the silences a real watcher read from a real
/// file (the test calls its Poll instead of waiting for its thread). pick_ew has tsec 30 and no
/// page or mail limit, so every report of it not silenced is paged and mailed.
/// </summary>
public class SilenceMonitorTests
{
    /// <summary>T + 100: 2024-03-05 17:03:20 UTC.</summary>
    private const long Until = T + 100;
    private const string UntilText = "2024-03-05 17:03:20 UTC";
    private const string Suffix = " (silenced: #3 by alice until " + UntilText + ": digitizer swap)";

    private TempDirectory _dir = null!;
    private SilencesWatcher _watcher = null!;

    private string FilePath => _dir.PathOf("statmgr_silences.json");

    [SetUp]
    public void SetUp() => _dir = new TempDirectory("sil");

    [TearDown]
    public void TearDown()
    {
        _watcher?.Dispose();
        _dir.Dispose();
    }

    private MonitorHarness Started(Action<MonitorHarness>? setup = null, bool restartMe = true) => StartedUnlimited(restartMe, h =>
    {
        _watcher = new SilencesWatcher(FilePath, h.Log);
        h.Silences = new SilenceKeeper(_watcher, h.Log);
        setup?.Invoke(h);
    });

    private static Silence Pick(long until = Until, int id = 3, string module = "pick_ew") =>
        new(id, module, DateTimeOffset.FromUnixTimeSeconds(T).UtcDateTime, DateTimeOffset.FromUnixTimeSeconds(until).UtcDateTime, "alice", "digitizer swap");

    /// <summary>The file now holds <paramref name="silences"/>, and the watcher has looked at it.</summary>
    private void Write(params Silence[] silences)
    {
        SilencesFile.Write(FilePath, new SilencesDocument(SilencesDocument.CurrentVersion, 10, silences), 1);
        _watcher.Poll();
    }

    private static string Report(long time, string text, string suffix = " Page sent. Mail sent.") =>
        $"{Utc(time)}  ewhost/pick_ew (MOD_PICK_EW) {text}{suffix}\n";

    private static List<string> EtLines(MonitorHarness h) => h.Log.Entries.Where(e => e.Flags == "et").Select(e => e.Text).ToList();

    [Test]
    public void ASilenceHoldsBackPageAndMailAndCountsNothingAgainstTheLimits()
    {
        var h = Started();
        Write(Pick());
        int pages = h.Pages.Count;
        h.BeatAt(ModPick, T + 1, "100");
        h.RunUntil(T + 35);
        h.SendError(ModPick, T + 35, 3);
        h.RunUntil(T + 36);

        Assert.That(EtLines(h)[0], Is.EqualTo("statmgr: silence #3 of pick_ew by alice until " + UntilText + ": digitizer swap\n"));
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Report(T + 32, "module dead", Suffix),
            $"{Utc(T + 35)}  ewhost/pick_ew Station dead.{Suffix}\n",
        }));
        Assert.That(h.Pages, Has.Count.EqualTo(pages), "no page");
        Assert.That(h.Mail.Sent, Is.Empty, "no mail");
        var module = h.Module(ModPick);
        Assert.That((module.HeartbeatCounters.Pages, module.HeartbeatCounters.Mails, module.HeartbeatCounters.Suppressed, module.HeartbeatCounters.Sent),
            Is.EqualTo((0, 0, 0, 1)), "heartbeat rule: pages, mails, suppressed, sent");
        var error = module.FindError(3)!.Counters;
        Assert.That((error.Pages, error.Mails, error.Suppressed, error.Sent), Is.EqualTo((0, 0, 0, 1)), "error rule: pages, mails, suppressed, sent");
        Assert.That(h.Restarts(), Is.EqualTo(new[] { "100\n" }), "restartWhileSilenced defaults to 1");
    }

    [Test]
    public void TheSilenceExpiresAtItsUntilSecondAndAModuleStillDeadIsReportedOnce()
    {
        var h = Started();
        Write(Pick());
        h.BeatAt(ModPick, T + 1, "100");
        h.RunUntil(Until - 1, 500);
        Assert.That(h.Manager!.RunPass().Wait, Is.EqualTo(TimeSpan.FromMilliseconds(500)), "the loop wakes at the silence's end");
        h.RunUntil(Until - 1, 999);
        Assert.That(EtLines(h), Has.None.Contains("ended"), "in force until its second");
        int pages = h.Pages.Count;

        h.RunUntil(Until);
        Assert.That(EtLines(h)[^1], Is.EqualTo("statmgr: silence #3 of pick_ew ended (expired)\n"));
        Assert.That(h.Reports[^1], Is.EqualTo(Report(Until, "module dead (silence ended)")));
        Assert.That(h.Pages, Has.Count.EqualTo(pages + 1));
        Assert.That(h.Pages[^1], Does.Contain("module dead (silence ended) Page sent. Mail sent."));
        Assert.That(h.Mail.Sent, Has.Count.EqualTo(1));

        h.RunUntil(Until + 60);
        Assert.That(h.Reports.Count(r => r.Contains("silence ended", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(EtLines(h).Count(l => l.Contains("ended (", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public void ALiftedSilenceEndsAtTheNextSecondAndAnAliveModuleGetsNoReport()
    {
        var h = Started();
        Write(Pick(Until), Pick(T + 1000, id: 4, module: "tankplayer"));
        h.BeatAt(ModPick, T + 1, "100");
        h.RunUntil(T + 50, 300);
        Write(Pick(T + 1000, id: 4, module: "tankplayer"));
        h.RunUntil(T + 51);

        Assert.That(EtLines(h).Where(l => l.Contains("ended", StringComparison.Ordinal)), Is.EqualTo(new[] { "statmgr: silence #3 of pick_ew ended (lifted)\n" }));
        Assert.That(h.Reports[^1], Is.EqualTo(Report(T + 51, "module dead (silence ended)")));

        // A silence of a module that is alive ends with its line alone.
        h.BeatAt(ModPick, T + 60, "100");
        Write();
        h.RunUntil(T + 62);
        Assert.That(EtLines(h)[^1], Is.EqualTo("statmgr: silence #4 of tankplayer ended (lifted)\n"));
        Assert.That(h.Reports[^1], Is.EqualTo(Report(T + 60, "module alive")));
    }

    [Test]
    public void AModuleCoveredByAnotherSilenceGetsNoReportWhenOneEnds()
    {
        var h = Started();
        Write(Pick(), Pick(T + 200, id: 5, module: Silence.All));
        h.BeatAt(ModPick, T + 1, "100");
        h.RunUntil(Until + 1);

        Assert.That(EtLines(h), Does.Contain("statmgr: silence #3 of pick_ew ended (expired)\n"));
        Assert.That(EtLines(h)[1], Is.EqualTo("statmgr: silence #5 of all modules by alice until 2024-03-05 17:05:00 UTC: digitizer swap\n"));
        Assert.That(h.Reports, Is.EqualTo(new[] { Report(T + 32, "module dead", " (silenced: #5 by alice until 2024-03-05 17:05:00 UTC: digitizer swap)") }),
            "the longer silence names the report, and none goes out at the end of the shorter");
    }

    [Test]
    public void AllNeverHoldsBackStatmgrsProgramStopping()
    {
        var h = Started();
        Write(Pick(module: Silence.All));
        h.BeatAt(ModPick, T + 1, "100");
        h.RunUntil(T + 40);
        int pages = h.Pages.Count;

        Assert.That(h.Manager!.Stop(), Is.Zero);
        Assert.That(h.Reports[0], Is.EqualTo(Report(T + 32, "module dead", Suffix)));
        Assert.That(h.Reports[^1], Is.EqualTo($"{Utc(T + 40)}  ewhost/statmgr Program stopping. Page sent. Mail sent.\n"));
        Assert.That(h.Pages, Has.Count.EqualTo(pages + 1));
    }

    [Test]
    public void AMalformedFileIsSaidOnceAndTheLastGoodSilencesStay()
    {
        var h = Started();
        Write(Pick());
        h.RunUntil(T + 1);
        File.WriteAllText(FilePath, "{\"version\":1,\n\"next_id\":");
        _watcher.Poll();
        _watcher.Poll();
        h.BeatAt(ModPick, T + 2, "100");
        h.RunUntil(T + 40);

        var said = EtLines(h).Where(l => l.StartsWith("statmgr: silences file", StringComparison.Ordinal)).ToList();
        Assert.That(said, Has.Count.EqualTo(1));
        Assert.That(said[0], Does.StartWith($"statmgr: silences file {FilePath} not read ("));
        Assert.That(said[0], Does.EndWith("); keeping the 1 silences read before\n"));
        Assert.That(h.Reports, Is.EqualTo(new[] { Report(T + 33, "module dead", Suffix) }));

        Write(Pick());
        h.RunUntil(T + 41);
        Assert.That(EtLines(h)[^1], Is.EqualTo($"statmgr: silences file {FilePath} read again\n"));
        Assert.That(EtLines(h), Has.None.Contains("ended"));
    }

    [Test]
    public void RestartWhileSilencedZeroSendsNoRestartRequestAndSaysSo()
    {
        var h = Started(h => h.Pick.Policy.RestartWhileSilenced = false);
        Write(Pick());
        h.BeatAt(ModPick, T + 1, "100");
        h.RunUntil(T + 40);

        Assert.That(h.Restarts(), Is.Empty);
        Assert.That(EtLines(h), Does.Contain("statmgr: pick_ew is silenced (#3); no restart request\n"));
        Assert.That(h.Reports, Is.EqualTo(new[] { Report(T + 32, "module dead", Suffix) }));
    }

    [Test]
    public void RestartWhileSilencedZeroHoldsBackTheAlertPolicysRequestAndItsReminderIsSilenced()
    {
        var h = Started(h =>
        {
            h.Pick.Policy.RestartWhileSilenced = false;
            h.Pick.Policy.Budget = new Statmgr.Config.RestartBudget(2, 600);
            h.Pick.Policy.RemindSeconds = 60;
        });
        Write(Pick());
        h.BeatAt(ModPick, T + 1, "100");
        h.RunUntil(T + 95);

        Assert.That(h.Restarts(), Is.Empty);
        Assert.That(EtLines(h), Does.Contain("statmgr: pick_ew is silenced (#3); no restart request\n"));
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Report(T + 32, "module dead", Suffix),
            Report(T + 92, "module still dead for 0h 1m", Suffix),
        }));
        Assert.That(h.Module(ModPick).Policy!.RequestsInWindow(T + 95, 600), Is.Zero, "a request not sent uses no budget");
    }

    [Test]
    public void WithoutASilencesFileNothingIsLoggedAndReportsGoOutAsBefore()
    {
        var h = Started();
        _watcher.Poll();
        h.BeatAt(ModPick, T + 1, "100");
        h.RunUntil(T + 40);

        Assert.That(h.Reports, Is.EqualTo(new[] { Report(T + 32, "module dead") }));
        Assert.That(EtLines(h), Is.EqualTo(new[] { "Statmgr: sent restart request for pick_ew pid 100\n" }));
    }

    [Test]
    public void TheStatusSnapshotAndTableShowAModulesSilenceWhileItIsInForce()
    {
        var h = Started(h => h.Board = new StatusBoard(h.Time));
        Write(Pick());
        h.RunUntil(T + 1);

        var snapshot = h.Board!.Latest!;
        var pick = snapshot.Modules.Single(m => m.Name == "pick_ew");
        Assert.That(pick.Silence, Is.EqualTo(new SilenceStatus(3, DateTimeOffset.FromUnixTimeSeconds(Until), "alice", "digitizer swap")));
        Assert.That(snapshot.Modules.Single(m => m.Name == "statmgr").Silence, Is.Null);
        var json = JsonSerializer.Serialize(snapshot, StatusJson.Default.StatusSnapshot);
        Assert.That(json.Split("\"silence\"").Length - 1, Is.EqualTo(1), "only a silenced module has the field");
        Assert.That(JsonSerializer.Deserialize(json, StatusJson.Default.StatusSnapshot)!.Modules.Single(m => m.Name == "pick_ew").Silence, Is.EqualTo(pick.Silence));
        Assert.That(StatusTable.Format(snapshot, h.Time.GetUtcNow()), Does.Contain("\npick_ew  alive, silenced #3 until " + UntilText + "  "));

        h.RunUntil(Until);
        Assert.That(h.Board.Latest!.Modules.Single(m => m.Name == "pick_ew").Silence, Is.Null, "expired");
    }

    [Test]
    public void WithLimitWindowASilencedReportOpensNoWindowAndUsesNoLimit()
    {
        var h = Started(h =>
        {
            h.Config.LimitWindowSeconds = 3600;
            h.Pick.HeartbeatPage = 1;
            h.Pick.HeartbeatMail = 1;
        });
        Write(Pick());
        h.BeatAt(ModPick, T + 1, "100");
        h.RunUntil(T + 40);
        Assert.That(h.Module(ModPick).HeartbeatCounters.WindowStart, Is.Null, "no window opened");

        h.RunUntil(Until);
        Assert.That(h.Reports, Is.EqualTo(new[] { Report(T + 32, "module dead", Suffix), Report(Until, "module dead (silence ended)") }),
            "the limit of 1 page and 1 mail was still whole when the silence ended");
    }
}
