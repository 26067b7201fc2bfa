using System.Text.Json;
using Statmgr.Earthworm.Transport;
using Statmgr.Status;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

/// <summary>
/// The snapshot the main loop publishes, on a fake clock: each module state and every change
/// between them, the counters beside them, and the once-a-second rule.
/// </summary>
public class StatusSnapshotTests
{
    private static Logo StopTool => new(Inst, 0, Types.Stop);

    private static Logo RestartTool => new(Inst, 0, Types.Restart);

    /// <summary>pick_ew's pid in its heartbeats.</summary>
    private const string Pid = "4321";

    private static MonitorHarness Started(Action<MonitorHarness>? setup = null) => MonitorHarness.Started(h =>
    {
        h.Board = new StatusBoard(h.Time);
        setup?.Invoke(h);
    });

    /// <summary>A restartable pick_ew that beat at T + 1 with its pid and is stopped by TYPE_STOP at T + 5.</summary>
    private static MonitorHarness StoppedAtT5()
    {
        var h = Started(h => h.Pick.RestartMe = true);
        h.Beat(ModPick, T + 1, Pid);
        h.RunUntil(T + 5);
        h.Ring.Enqueue(StopTool, Pid + "\n");
        return h;
    }

    private static StatusSnapshot Latest(MonitorHarness h) => h.Board!.Latest!;

    private static DateTimeOffset At(long epochSeconds) => DateTimeOffset.FromUnixTimeSeconds(epochSeconds);

    /// <summary>pick_ew as the snapshot taken at <paramref name="now"/> should show it (page 2, mail 5; err 3: page 1, mail 10).</summary>
    private static ModuleStatus Pick(ModuleState state, long now, long lastHeartbeat, long lastChange, int restarts = 0,
        ReportStatus? heartbeat = null, ReportStatus? error3 = null, string pid = Pid, string ring = "STATUS_RING") =>
        new("pick_ew", "ewhost", Inst, ModPick, ring, state, pid, At(lastHeartbeat), now - lastHeartbeat, 30, At(lastChange), restarts,
            heartbeat ?? new ReportStatus(0, 0, 0, 2, 0, 5), [new ErrorReportStatus(3, error3 ?? new ReportStatus(0, 0, 0, 1, 0, 10))]);

    /// <summary>Runs the loop to <paramref name="second"/> and checks pick_ew in the snapshot published then.</summary>
    private static void AssertPickAt(MonitorHarness h, long second, ModuleStatus expected, string step)
    {
        h.RunUntil(second);
        var snapshot = Latest(h);
        Assert.That(snapshot.TakenAt, Is.EqualTo(At(second)), step + ": published this second");
        AssertModule(snapshot.Modules.Single(m => m.ModId == ModPick), expected, step);
    }

    /// <summary>Records compare their lists by reference: the error rules are compared on their own.</summary>
    private static void AssertModule(ModuleStatus actual, ModuleStatus expected, string step)
    {
        Assert.That(actual with { Errors = [] }, Is.EqualTo(expected with { Errors = [] }), step);
        Assert.That(actual.Errors, Is.EqualTo(expected.Errors), step + ": error rules");
    }

    [Test]
    public void TheFirstPassPublishesStatmgrItsRingsItsMailAndEveryModule()
    {
        var h = Started();
        h.Mail.Counts = new MailStatus(3, 7, 1, 2);

        h.Manager!.RunPass();

        var snapshot = Latest(h);
        Assert.That((snapshot.Version, snapshot.TakenAt), Is.EqualTo((StatusSnapshot.CurrentVersion, At(T))));
        Assert.That(snapshot.Statmgr, Is.EqualTo(new StatmgrProcessStatus(OwnPid, At(T), "statmgr.d", At(T))));
        Assert.That(snapshot.Rings, Is.EqualTo(new[] { new RingStatus("STATUS_RING", 0, 0, 0) }));
        Assert.That(snapshot.Mail, Is.EqualTo(new MailStatus(3, 7, 1, 2)));
        Assert.That(snapshot.Modules.Select(m => m.Name), Is.EqualTo(new[] { "statmgr", "pick_ew" }));
        // statmgr's own descriptor has tsec 0; its startup report counts as sent, though its limits start afresh after it.
        AssertModule(snapshot.Modules[0], new ModuleStatus("statmgr", "ewhost", Inst, ModStatmgr, "", ModuleState.NotMonitored, "",
            At(T), 0, 0, At(T), 0, new ReportStatus(0, 0, 0, 0, 0, 0),
            [
                new ErrorReportStatus(0, new ReportStatus(1, 0, 0, 1, 0, 1)),
                new ErrorReportStatus(1, new ReportStatus(0, 0, 0, 1, 0, 1)),
                new ErrorReportStatus(2, new ReportStatus(0, 0, 0, 0, 0, 0)),
                new ErrorReportStatus(3, new ReportStatus(0, 0, 0, 0, 0, 0)),
                new ErrorReportStatus(4, new ReportStatus(0, 0, 0, 0, 0, 5)),
                new ErrorReportStatus(5, new ReportStatus(0, 0, 0, 0, 0, 5)),
                new ErrorReportStatus(6, new ReportStatus(0, 0, 0, 0, 0, 5)),
            ]), "statmgr");
        AssertModule(snapshot.Modules[1], Pick(ModuleState.Alive, T, T, T, pid: "", ring: ""), "pick_ew before its first heartbeat");
    }

    [Test]
    public void AModuleGoesAliveDeadAndAliveAgain()
    {
        var h = Started();
        h.Beat(ModPick, T + 1, Pid);
        AssertPickAt(h, T + 1, Pick(ModuleState.Alive, T + 1, T + 1, T), "first heartbeat");

        AssertPickAt(h, T + 32, Pick(ModuleState.Dead, T + 32, T + 1, T + 32, heartbeat: new ReportStatus(1, 0, 1, 2, 1, 5)), "dead");

        h.RunUntil(T + 40);
        h.Beat(ModPick, T + 40, Pid);
        AssertPickAt(h, T + 41, Pick(ModuleState.Alive, T + 41, T + 40, T + 40, heartbeat: new ReportStatus(2, 0, 2, 2, 2, 5)), "alive again");
    }

    [Test]
    public void ARestartableModuleIsStoppedReArmedAndShowsEachRestartRequested()
    {
        var h = StoppedAtT5();
        AssertPickAt(h, T + 6, Pick(ModuleState.Stopped, T + 6, T + 1, T + 5), "stopped by TYPE_STOP");

        h.Ring.Enqueue(RestartTool, Pid + "\n");
        AssertPickAt(h, T + 7, Pick(ModuleState.Alive, T + 7, T + 1, T + 6), "re-armed by TYPE_RESTART");

        var dead = new ReportStatus(1, 0, 1, 2, 1, 5);
        AssertPickAt(h, T + 32, Pick(ModuleState.RestartRequested, T + 32, T + 1, T + 32, restarts: 1, heartbeat: dead), "dead, restart requested");
        Assert.That(h.Restarts(), Is.EqualTo(new[] { Pid + "\n" }));

        h.RunUntil(T + 40);
        h.Beat(ModPick, T + 40, Pid);
        var back = new ReportStatus(2, 0, 2, 2, 2, 5);
        AssertPickAt(h, T + 41, Pick(ModuleState.Alive, T + 41, T + 40, T + 40, restarts: 1, heartbeat: back), "restarted");

        var deadAgain = new ReportStatus(3, 1, 2, 2, 3, 5);
        AssertPickAt(h, T + 71, Pick(ModuleState.RestartRequested, T + 71, T + 40, T + 71, restarts: 2, heartbeat: deadAgain), "dead again");
    }

    [Test]
    public void AStoppedModuleThatDiesStaysStoppedAndReArmedWhileDeadIsDead()
    {
        var h = StoppedAtT5();
        var dead = new ReportStatus(1, 0, 1, 2, 1, 5);
        AssertPickAt(h, T + 32, Pick(ModuleState.Stopped, T + 32, T + 1, T + 32, heartbeat: dead), "died while stopped");
        Assert.That(h.Restarts(), Is.Empty);

        h.RunUntil(T + 40);
        h.Ring.Enqueue(RestartTool, Pid + "\n");
        AssertPickAt(h, T + 41, Pick(ModuleState.Dead, T + 41, T + 1, T + 40, heartbeat: dead), "re-armed while dead: no restart asked since it died");
    }

    [Test]
    public void AModuleWithTsecZeroIsNotMonitoredWhateverItSends()
    {
        var h = Started(h => h.AddModule("tankplayer", "MOD_TANKPLAYER", ModTank, tsec: 0));
        h.Beat(ModTank, T + 1, "99");
        h.RunUntil(T + 100);

        var tank = Latest(h).Modules.Single(m => m.ModId == ModTank);
        Assert.That((tank.State, tank.Pid, tank.Ring, tank.LastChange), Is.EqualTo((ModuleState.NotMonitored, "99", "STATUS_RING", At(T))));
    }

    [Test]
    public void ReportsSentAndSuppressedCountAgainstThePageAndMailLimits()
    {
        // One page for its heartbeat reports, mail never (0: not a limit used up); err 3: one page, ten mails.
        var h = Started(h =>
        {
            h.Pick.HeartbeatPage = 1;
            h.Pick.HeartbeatMail = 0;
        });
        h.Beat(ModPick, T + 1, Pid);
        h.RunUntil(T + 40);
        h.Beat(ModPick, T + 40, Pid);
        h.SendError(ModPick, T + 40, 3, "Station XYZ dead");
        h.SendError(ModPick, T + 40, 3, "Station XYZ dead");
        h.RunUntil(T + 71);

        Assert.That(h.Reports, Has.Count.EqualTo(5), "dead, alive, two errors, dead");
        var pick = Latest(h).Modules.Single(m => m.ModId == ModPick);
        Assert.That(pick.Heartbeat, Is.EqualTo(new ReportStatus(3, 2, 1, 1, 0, 0)), "the alive and the second dead report lost their page");
        Assert.That(pick.Errors, Is.EqualTo(new[] { new ErrorReportStatus(3, new ReportStatus(2, 1, 1, 1, 2, 10)) }));
    }

    [Test]
    public void RingsCountMessagesReadMissedAndWaitsCutShortByTheLapGuard()
    {
        var h = Started(h => h.Pick.HeartbeatTsec = 0);
        h.Manager!.RunPass();
        h.Ring.Enqueue(From(ModPick, Types.Heartbeat), $"{T} {Pid}\n");
        h.Ring.Enqueue(From(ModPick, Types.Heartbeat), $"{T} {Pid}\n", GetStatus.Miss);
        h.Ring.Enqueue(From(ModPick, Types.Heartbeat), $"{T} {Pid}\n", GetStatus.TooBig);
        h.Advance(TimeSpan.FromMilliseconds(100));
        // Writers fill a fifth of the ring in 100 ms: the wait is cut to when they could have filled half.
        h.Ring.AddTraffic(209716);
        Assert.That(h.Manager.RunPass().Wait, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
        Assert.That(h.Manager.RunPass().Wait, Is.EqualTo(TimeSpan.FromMilliseconds(250)), "still cut, nothing read");
        Assert.That(Latest(h).Rings.Single(), Is.EqualTo(new RingStatus("STATUS_RING", 0, 0, 0)), "not published again within the second");

        h.SetTime(T + 1);
        h.Manager.RunPass();

        Assert.That(Latest(h).Rings.Single(), Is.EqualTo(new RingStatus("STATUS_RING", 2, 1, 2)), "the too-big message was not read");
    }

    [Test]
    public void TheLoopMarksEveryPassButPublishesAtMostOnceASecond()
    {
        var h = Started();
        var board = h.Board!;
        h.Manager!.RunPass();
        var first = board.Latest;
        for (var i = 0; i < 3; i++)
        {
            h.Advance(TimeSpan.FromMilliseconds(300));
            Assert.That(board.SinceLastPass, Is.EqualTo(TimeSpan.FromMilliseconds(300)));
            h.Manager.RunPass();
            Assert.That(board.SinceLastPass, Is.EqualTo(TimeSpan.Zero), "every pass is marked");
        }
        Assert.That((board.Published, board.Latest), Is.EqualTo((1L, first)), "three more passes in the same second");

        h.Advance(TimeSpan.FromMilliseconds(100));
        h.Manager.RunPass();
        h.Manager.RunPass();
        Assert.That((board.Published, board.Latest!.TakenAt), Is.EqualTo((2L, At(T + 1))), "once in the next second");
    }

    [Test]
    public void ASenderClockBeyondWhatATimeCanHoldIsClampedNotThrown()
    {
        var h = Started(h => h.AddModule("tankplayer", "MOD_TANKPLAYER", ModTank, tsec: 30));
        h.Module(ModPick).Timer = long.MaxValue;
        // Before year 1: no heartbeat can say so (its time has digits only), but nothing here may throw on it.
        h.Module(ModTank).Timer = -1_000_000_000_000_000;
        h.Manager!.RunPass();

        var modules = Latest(h).Modules;
        var pick = modules.Single(m => m.ModId == ModPick);
        var tank = modules.Single(m => m.ModId == ModTank);
        Assert.That((pick.State, pick.LastHeartbeat, pick.HeartbeatAgeSeconds),
            Is.EqualTo((ModuleState.Alive, DateTimeOffset.MaxValue.AddTicks(-(DateTimeOffset.MaxValue.Ticks % TimeSpan.TicksPerSecond)), T - DateTimeOffset.MaxValue.ToUnixTimeSeconds())));
        Assert.That((tank.State, tank.LastHeartbeat, tank.HeartbeatAgeSeconds),
            Is.EqualTo((ModuleState.Dead, DateTimeOffset.MinValue, T - DateTimeOffset.MinValue.ToUnixTimeSeconds())));
    }

    [Test]
    public void WithTheStatusFileOnTheLogLinesRingBytesAndMailsAreThoseOfARunWithout()
    {
        var without = ScriptedRun(null);
        using var directory = new TempDirectory("smstatus");
        var path = directory.PathOf("statmgr_status.json");
        var with = ScriptedRun(path);

        Assert.That(with.Log.Entries, Is.EqualTo(without.Log.Entries));
        Assert.That(with.Ring.Puts.Select(p => (p.Logo, Text(p.Body))), Is.EqualTo(without.Ring.Puts.Select(p => (p.Logo, Text(p.Body)))));
        Assert.That(with.Mail.Sent.Select(Mailed), Is.EqualTo(without.Mail.Sent.Select(Mailed)));
        Assert.That(without.Reports, Has.Count.EqualTo(7), "dead, alive, an error, dead while stopped, alive, dead again, statmgr stopping");
        Assert.That(JsonSerializer.Deserialize(File.ReadAllBytes(path), StatusJson.Default.StatusSnapshot)!.TakenAt, Is.EqualTo(At(T + 120)),
            "the file was written, the last snapshot at the stop");
    }

    private static string Mailed(Statmgr.Notify.MailRequest request) => string.Join(", ", request.Recipients) + ": " + request.ReportText;

    /// <summary>
    /// A restartable module dies, is restarted, reports an error, is stopped, dies, is re-armed and
    /// dies again; statmgr is then told to stop. With a path, the status file is written all along.
    /// </summary>
    private static MonitorHarness ScriptedRun(string? statusPath)
    {
        var h = MonitorHarness.Started(h =>
        {
            h.Pick.RestartMe = true;
            h.Board = statusPath is null ? null : new StatusBoard(h.Time);
        });
        using var writer = statusPath is null ? null : new StatusFileWriter(h.Board!, statusPath, h.Log);
        writer?.Start();
        h.Beat(ModPick, T + 1, Pid);
        h.RunUntil(T + 40);
        h.Beat(ModPick, T + 40, Pid);
        h.SendError(ModPick, T + 40, 3, "Station XYZ dead");
        h.RunUntil(T + 45);
        h.Ring.Enqueue(StopTool, Pid + "\n");
        h.RunUntil(T + 80);
        h.Ring.Enqueue(RestartTool, Pid + "\n");
        h.Beat(ModPick, T + 80, Pid);
        h.RunUntil(T + 120);
        h.Stop.Request();
        Assert.That(h.Manager!.RunPass().Stop, Is.True);
        Assert.That(h.Manager.Stop(), Is.Zero);
        return h;
    }
}
