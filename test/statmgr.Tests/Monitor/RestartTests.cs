using Statmgr.Earthworm.Transport;
using Statmgr.Monitor.Modules;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

public class RestartTests
{
    private const string Dead = "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.\n";
    private const string DeadPidUnknown = "  ewhost/pick_ew (MOD_PICK_EW) module dead, PID unknown; needs human intervention. Page sent. Mail sent.\n";

    private static MonitorHarness Started(bool restartMe = true) => StartedUnlimited(restartMe);

    private static Logo StopTool => new(Inst, 0, Types.Stop);

    private static Logo RestartTool => new(Inst, 0, Types.Restart);

    [Test]
    public void RestartMeModuleThatNeverGaveItsPidNeedsAHuman()
    {
        var h = Started();
        Assert.That(h.Module(ModPick).Restart, Is.EqualTo(RestartState.UnknownPid));
        h.RunUntil(T + 31);
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 31) + DeadPidUnknown }));
        Assert.That(h.Restarts(), Is.Empty);
    }

    [Test]
    public void ATimeOnlyHeartbeatDoesNotArmARestart()
    {
        var h = Started();
        h.Beat(ModStatmgr, T, "777");
        h.Beat(ModPick, T);
        h.RunUntil(T + 31);
        Assert.That(h.Module(ModPick).Restart, Is.EqualTo(RestartState.UnknownPid), "B5: armed only by a heartbeat with a pid");
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 31) + DeadPidUnknown }));
    }

    [Test]
    public void PidZeroNeedsAHuman()
    {
        var h = Started();
        h.Beat(ModPick, T, "0");
        h.RunUntil(T + 31);
        Assert.That(h.Module(ModPick).Restart, Is.EqualTo(RestartState.RestartMe));
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 31) + DeadPidUnknown }));
        Assert.That(h.Restarts(), Is.Empty);
    }

    [Test]
    public void PidUnknownEndsThePassAndTheNextPassScansTheRest()
    {
        var h = MonitorHarness.Started(h =>
        {
            h.Pick.RestartMe = true;
            h.AddModule("tankplayer", "MOD_TANKPLAYER", ModTank, 30);
        });
        h.SetTime(T + 31);
        var first = h.Manager!.RunPass();
        Assert.That(first, Is.EqualTo(Statmgr.Monitor.PassResult.Again));
        Assert.That(h.Reports, Has.Count.EqualTo(1));
        h.Manager.RunPass();
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Utc(T + 31) + "  ewhost/pick_ew (MOD_PICK_EW) module dead, PID unknown; needs human intervention. Page sent. Mail sent.\n",
            Utc(T + 31) + "  ewhost/tankplayer (MOD_TANKPLAYER) module dead\n",
        }));
    }

    [Test]
    public void DeadRestartableModuleGetsOneRestartRequestOnItsRing()
    {
        var h = Started();
        h.Beat(ModPick, T + 1, "4321");
        h.RunUntil(T + 60);
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 32) + Dead }));
        Assert.That(h.Restarts(), Is.EqualTo(new[] { "4321\n" }));
        Assert.That(h.Ring.Puts.Single(p => p.Logo.Type == Types.Restart).Logo, Is.EqualTo(new Logo(Inst, ModStatmgr, Types.Restart)));
        Assert.That(h.Log.Entries.Where(l => l.Flags == "et"), Is.EqualTo(new[] { ("et", "Statmgr: sent restart request for pick_ew pid 4321\n") }));
    }

    [Test]
    public void RestartedModuleComesAliveAndCanBeRestartedAgain()
    {
        var h = Started();
        h.Beat(ModPick, T + 1, "4321");
        h.RunUntil(T + 40);
        h.Beat(ModPick, T + 40, "5000");
        h.RunUntil(T + 72);
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 32) + Dead, Utc(T + 40) + "  ewhost/pick_ew (MOD_PICK_EW) module alive Page sent. Mail sent.\n", Utc(T + 71) + Dead }));
        Assert.That(h.Restarts(), Is.EqualTo(new[] { "4321\n", "5000\n" }));
    }

    [Test]
    public void FailedPutsAreLoggedAndTheRequestIsStillClaimed()
    {
        var h = Started();
        h.Beat(ModPick, T + 1, "4321");
        h.RunUntil(T + 31);
        h.Ring.PutResult = PutStatus.LockFailed;
        h.Ring.LastProblem = "ring STATUS_RING (key 1050): semaphore gone";
        h.RunUntil(T + 32);
        Assert.That(h.Log.Entries, Is.EqualTo(new[]
        {
            ("e", Utc(T + 32) + Dead),
            ("e", "Error sending pageit message to transport region.\n"),
            ("et", "statmgr: ring STATUS_RING (key 1050): semaphore gone\n"),
            ("et", "statmgr: pageStatus: -1\n"),
            ("et", "Error sending restart message to transport region.\n"),
            ("et", "statmgr: ring STATUS_RING (key 1050): semaphore gone\n"),
            ("et", "Statmgr: sent restart request for pick_ew pid 4321\n"),
        }));
    }

    [Test]
    public void StoppedModuleIsReportedDeadButNotRestarted()
    {
        var h = Started();
        h.Beat(ModPick, T, "4321");
        h.Ring.Enqueue(StopTool, "4321\n");
        h.RunUntil(T + 1);
        Assert.That(h.Log.Entries, Is.EqualTo(new[] { ("t", "TYPE_STOP message received for pick_ew with pid 4321; module marked as stopped\n") }));
        Assert.That(h.Module(ModPick).Restart, Is.EqualTo(RestartState.Stopped));
        h.RunUntil(T + 31);
        Assert.That(h.Log.Entries.Skip(1), Is.EqualTo(new[]
        {
            ("et", "Statmgr: Module pid 4321 has been marked as intentionally stopped, so we won't try to restart it.\n"),
            ("e", Utc(T + 31) + Dead),
        }));
        Assert.That(h.Restarts(), Is.Empty);
    }

    [Test]
    public void RestartMessageRearmsAStoppedModule()
    {
        var h = Started();
        h.Beat(ModPick, T, "4321");
        h.Ring.Enqueue(StopTool, "4321\n");
        h.Ring.Enqueue(RestartTool, "4321\n");
        h.RunUntil(T + 1);
        Assert.That(h.Log.Texts, Is.EqualTo(new[]
        {
            "TYPE_STOP message received for pick_ew with pid 4321; module marked as stopped\n",
            "TYPE_RESTART message received for pick_ew, module to be monitored for restarts\n",
        }));
        h.RunUntil(T + 31);
        Assert.That(h.Restarts(), Is.EqualTo(new[] { "4321\n" }));
    }

    [Test]
    public void StopBeforeThePidIsKnownDoesNothing()
    {
        var h = Started();
        h.Ring.Enqueue(StopTool, "0\n");
        h.Ring.Enqueue(RestartTool, "0\n");
        h.RunUntil(T + 1);
        Assert.That(h.Log.Entries, Is.Empty);
        Assert.That(h.Module(ModPick).Restart, Is.EqualTo(RestartState.UnknownPid));
    }

    [Test]
    public void OnlyTheFirstModuleWithThePidIsConsidered()
    {
        var h = new MonitorHarness();
        h.Pick.RestartMe = true;
        var tank = h.AddModule("tankplayer", "MOD_TANKPLAYER", ModTank, 30);
        tank.RestartMe = true;
        h.Start();
        h.Beat(ModStatmgr, T, "4321");
        h.Beat(ModPick, T, "4321");
        h.Beat(ModTank, T, "4321");
        h.Ring.Enqueue(StopTool, "4321 \n");
        h.RunUntil(T + 1);
        Assert.That(h.Module(ModPick).Restart, Is.EqualTo(RestartState.RestartMe), "statmgr's own descriptor has the pid first and is not restartable");
        Assert.That(h.Module(ModTank).Restart, Is.EqualTo(RestartState.RestartMe));
    }

    [Test]
    public void StopFromAModuleWithADescriptorCounts()
    {
        var h = Started();
        h.Beat(ModPick, T, "4321");
        h.Ring.Enqueue(From(ModPick, Types.Stop), "4321\n");
        h.RunUntil(T + 1);
        Assert.That(h.Module(ModPick).Restart, Is.EqualTo(RestartState.Stopped));
    }

    [Test]
    public void StatmgrsOwnRestartRequestComingBackChangesNothing()
    {
        var h = Started();
        h.Beat(ModPick, T + 1, "4321");
        h.RunUntil(T + 32);
        h.Ring.Enqueue(From(ModStatmgr, Types.Restart), "4321\n");
        h.RunUntil(T + 33);
        Assert.That(h.Module(ModPick).Restart, Is.EqualTo(RestartState.RestartMe));
        Assert.That(h.Log.Entries.Where(l => l.Text.StartsWith("TYPE_", StringComparison.Ordinal)), Is.Empty);
    }
}
