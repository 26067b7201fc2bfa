using System.Diagnostics;
using static Statmgr.TestSupport.SiteNumbers;
using static Statmgr.Tests.Monitor.EndToEnd.StatmgrSite;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>
/// The restart budget and backoff, with ewsupervisor standing in for startstop: it restarts
/// pick_ew on each TYPE_RESTART, and pick_ew beats once and dies.
/// </summary>
public partial class StatmgrEndToEndTests
{
    private const string BudgetSpent =
        "ewhost/pick_ew (MOD_PICK_EW) module dead; restart budget spent (2 restarts in 120 s); needs human intervention. Page sent.\n";

    [Test]
    public void AModuleThatDiesAtOnceGetsTwoRestartsSpacedByTheBackoffThenOneBudgetSpentReport()
    {
        _site.WriteConfig(pickTsec: 2, pickLines: "restartBudget: 2 120\nrestartBackoff: 2 8\n");
        var ring = _site.CreateRing("STATUS_RING", _site.StatusKey);
        var watch = new RingWatcher(ring, TypeRestart);
        _site.StartStatmgr();
        _site.WaitForLog(StartupReport, StartupLimit);
        _site.StartSupervisor("STATUS_RING", "--child", $"{EwmodulePath} STATUS_RING INST_MENLO MOD_PICK_EW --beat 1 --die-after 0",
            "--beat", "0", "--kill-delay", "1");

        // Each restart request's arrival, read as it comes, until the budget-spent report.
        var clock = Stopwatch.StartNew();
        var arrivals = new List<TimeSpan>();
        while (Occurrences(_site.Log(), BudgetSpent) == 0)
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), () => $"no budget-spent report:\n{_site.Messages()}");
            int seen = watch.Seen.Count;
            watch.Poll();
            arrivals.AddRange(Enumerable.Repeat(clock.Elapsed, watch.Seen.Count - seen));
            Thread.Sleep(20);
        }
        _site.CatchUp();

        var log = _site.Log();
        Assert.That(watch.Texts(TypeRestart), Has.Count.EqualTo(2), log);
        Assert.That(arrivals, Has.Count.EqualTo(2));
        Assert.That(arrivals[1] - arrivals[0], Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(4)), "the second request waits the doubled backoff");
        Assert.That(Occurrences(log, BudgetSpent), Is.EqualTo(1));
        Assert.That(Occurrences(log, " in 2 s (backoff)\n"), Is.EqualTo(1), log);
        Assert.That(Occurrences(log, " in 4 s (backoff)\n"), Is.EqualTo(1), log);
        Assert.That(Occurrences(log, "Statmgr: sent restart request for pick_ew"), Is.EqualTo(2));
    }
}
