using System.Diagnostics;
using System.Globalization;
using Statmgr.Earthworm.Transport;
using Statmgr.Tests.Earthworm.Transport;
using static Statmgr.TestSupport.SiteNumbers;
using static Statmgr.Tests.Monitor.EndToEnd.StatmgrSite;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>
/// A writer died holding the page ring's semaphore: a process took it without SEM_UNDO and was
/// killed, as a C module dying inside tport_putmsg would. statmgr pages ten groups, and modules
/// on another ring die: every death must still be logged within a second or two of its deadline
/// second, and every page be put once the semaphore is free again, or be reported lost.
/// </summary>
[Category(TestCategory.WholeProcess), NonParallelizable]
public class StuckSemaphoreEndToEndTests
{
    private const string PickDead = "ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n";
    private const int Tsec = 3;
    private static readonly string[] Groups = Enumerable.Range(1, 10).Select(g => $"g{g}").ToArray();

    private StatmgrSite _site = null!;
    private CancellationTokenSource _startstop = null!;
    private Task? _standIn;

    [SetUp]
    public void SetUp()
    {
        _startstop = new CancellationTokenSource();
        _standIn = null;
        _site = new StatmgrSite();
    }

    [TearDown]
    public void TearDown()
    {
        _startstop.Cancel();
        _standIn?.Wait(TimeSpan.FromSeconds(10));
        _startstop.Dispose();
        _site?.Dispose(); // null when the host cannot make rings (the test was ignored)
    }

    [Test]
    public void DeathsOnAnotherRingAreLoggedOnTimeAndThePagesArePutWhenTheSemaphoreIsFreeAgain()
    {
        var (status, semId) = LetModulesDieWhileThePageRingIsStuck();
        var watch = new RingWatcher(status, TypePage);

        // An operator (or startstop re-creating the ring) makes the semaphore free again.
        Assert.That(SystemVIpc.SemCtl(semId, 0, SystemVIpc.SetVal, 1), Is.EqualTo(0));
        _site.WaitForLog($"statmgr: ring STATUS_RING (key {_site.StatusKey}): the ring lock is free again; 10 queued messages put, 0 lost\n",
            TimeSpan.FromSeconds(3));
        var pages = watch.Texts(TypePage).Where(p => p.EndsWith(PickDead + "#", StringComparison.Ordinal)).ToList();
        Assert.That(pages.Select(p => p[..p.IndexOf(" UTC_", StringComparison.Ordinal)]), Is.EqualTo(Groups.Select(g => "group: " + g)),
            "each group's page once, in order");
        Assert.That(SystemVIpc.SemCtl(semId, 0, SystemVIpc.GetVal, 0), Is.EqualTo(1), "statmgr gives the semaphore back after each put");

        _site.Ewring("flag", Number(_site.WaveKey), "TERMINATE");
        Assert.That(_site.WaitForExit(TimeSpan.FromSeconds(10)), Is.EqualTo(0));
    }

    [Test]
    public void PagesStillQueuedAtShutdownAreReportedLost()
    {
        LetModulesDieWhileThePageRingIsStuck();

        _site.Ewring("flag", Number(_site.WaveKey), "TERMINATE");
        Assert.That(_site.WaitForExit(TimeSpan.FromSeconds(10)), Is.EqualTo(0));
        var messages = _site.Messages();
        Assert.That(messages, Does.Contain("ewhost/statmgr Program stopping. Page sent.\n"));
        Assert.That(messages, Does.Contain(
            $"statmgr: ring STATUS_RING (key {_site.StatusKey}): the ring lock is still taken at shutdown; 0 queued messages put, 20 lost (the oldest: page to group g1)\n"),
            "pick's ten pages and the shutdown report's ten");
    }

    /// <summary>
    /// statmgr in CheckAllRings mode with ten page groups; pick_ew and two simulated modules beat on
    /// WAVE_RING; a process takes STATUS_RING's semaphore and is killed; then the modules die.
    /// Returns the test's view of STATUS_RING and its semaphore id.
    /// </summary>
    private (TransportRing Status, int SemId) LetModulesDieWhileThePageRingIsStuck()
    {
        _site.WriteConfig(checkAllRings: true, pickTsec: Tsec, simulated: 2, simulatedTsec: Tsec, pageGroups: Groups);
        var status = _site.CreateRing("STATUS_RING", _site.StatusKey);
        _site.CreateRing("WAVE_RING", _site.WaveKey);
        _standIn = _site.AnswerStatusRequests(_startstop.Token);
        _site.StartStatmgr();
        _site.WaitForLog(StartupReport, StartupLimit);

        using var pick = _site.StartModule(_site.WaveKey, ModPick, 500, 2000);
        using var sim1 = _site.StartModule(_site.WaveKey, 11, 500, 4000);
        using var sim2 = _site.StartModule(_site.WaveKey, 12, 500, 4000);
        int semId = HoldAndKill(_site.StatusKey);

        WaitForDeath(pick, PickDead);
        WaitForDeath(sim1, "ewhost/sim1 (MOD_SIM1) module dead\n");
        WaitForDeath(sim2, "ewhost/sim2 (MOD_SIM2) module dead\n");
        Assert.That(SystemVIpc.SemCtl(semId, 0, SystemVIpc.GetVal, 0), Is.EqualTo(0), "the semaphore is still taken");
        return (status, semId);
    }

    /// <summary>ewring hold-lock takes the ring's semaphore without SEM_UNDO and is killed holding it.</summary>
    private static int HoldAndKill(long key)
    {
        using var holder = EwringTool.Start("hold-lock", Number(key));
        Assert.That(holder.StandardOutput.ReadLine(), Is.EqualTo($"holding the lock of {key} (key {key})"));
        holder.Kill();
        holder.WaitForExit();
        int semId = SystemVIpc.SemGet(SystemVIpc.ToKeyT(key), 0, 0);
        Assert.That(SystemVIpc.SemCtl(semId, 0, SystemVIpc.GetVal, 0), Is.EqualTo(0), "the killed holder left the semaphore taken");
        return semId;
    }

    /// <summary>
    /// The module's last heartbeat came before it exited, so its deadline second is at most
    /// exit second + tsec + 1; the death must be in the log within 2 s of that second.
    /// </summary>
    private void WaitForDeath(Process module, string report)
    {
        Assert.That(module.WaitForExit(30_000), Is.True);
        var exit = new DateTimeOffset(module.ExitTime.ToUniversalTime());
        var deadline = DateTimeOffset.FromUnixTimeSeconds(exit.ToUnixTimeSeconds() + Tsec + 1);
        var limit = deadline + TimeSpan.FromSeconds(2) - DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        _site.WaitForLog(report, limit > TimeSpan.Zero ? limit : TimeSpan.Zero);
        TestContext.Out.WriteLine($"{report.TrimEnd()}: seen {(DateTimeOffset.UtcNow - deadline).TotalMilliseconds:0} ms after the latest possible deadline second");
        Assert.That(clock.Elapsed, Is.LessThan(limit + TimeSpan.FromMilliseconds(100)));
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
