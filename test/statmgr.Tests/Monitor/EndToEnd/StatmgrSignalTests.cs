using System.Diagnostics;
using static Statmgr.Tests.Monitor.EndToEnd.StatmgrSite;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>
/// Signals: SIGTERM, and SIGQUIT, SIGUSR1, SIGUSR2 and SIGALRM like it, stop statmgr with the
/// shutdown report and exit status 0 (the last four used to kill it without a word); SIGHUP
/// reloads the configuration. Linux signal numbers.
/// </summary>
public partial class StatmgrEndToEndTests
{
    private const int SigHup = 1;

    [TestCase(SigTerm, TestName = "{m}(SIGTERM)")]
    [TestCase(3, TestName = "{m}(SIGQUIT)")]
    [TestCase(10, TestName = "{m}(SIGUSR1)")]
    [TestCase(12, TestName = "{m}(SIGUSR2)")]
    [TestCase(14, TestName = "{m}(SIGALRM)")]
    public void StopSignalsEndWithTheShutdownReport(int signal)
    {
        var statmgr = StartedOnTheStatusRing();

        Assert.That(Kill(statmgr.Id, signal), Is.EqualTo(0));

        Assert.That(_site.WaitForExit(TimeSpan.FromSeconds(10)), Is.EqualTo(0), _site.Messages() + _site.Stderr);
        Assert.That(_site.Log(), Does.Contain("ewhost/statmgr Program stopping. Page sent.\n"));
    }

    [Test]
    public void SighupReloadsAnUnchangedConfigurationAndStatmgrGoesOn()
    {
        var statmgr = StartedOnTheStatusRing();

        Assert.That(Kill(statmgr.Id, SigHup), Is.EqualTo(0));

        _site.WaitForLog("statmgr: reload done\n", TimeSpan.FromSeconds(30));
        _site.CatchUp();
        Assert.That(statmgr.HasExited, Is.False, _site.Stderr);
        var log = _site.Log();
        Assert.That(Occurrences(log, "statmgr: SIGHUP: reloading statmgr.d\n"), Is.EqualTo(1), log);
        Assert.That(log.IndexOf("statmgr: reload: no changes\n", StringComparison.Ordinal), Is.GreaterThan(0).And.LessThan(log.IndexOf("statmgr: reload done\n", StringComparison.Ordinal)),
            "the change line, then the done line");
        Assert.That(Occurrences(log, "statmgr: reload"), Is.EqualTo(2), "no other reload line");
        Assert.That(_site.Messages(), Does.Not.Contain("Program stopping."));
        Assert.That(Occurrences(_site.Messages(), "Program starting."), Is.EqualTo(1), "the startup report only");
        Assert.That(Kill(statmgr.Id, SigTerm), Is.EqualTo(0));
        Assert.That(_site.WaitForExit(TimeSpan.FromSeconds(10)), Is.EqualTo(0), _site.Messages() + _site.Stderr);
    }

    /// <summary>statmgr started on its one ring, past its startup report.</summary>
    private Process StartedOnTheStatusRing()
    {
        _site.WriteConfig();
        _site.CreateRing("STATUS_RING", _site.StatusKey);
        var statmgr = _site.StartStatmgrWithDefaultSignals();
        _site.WaitForLog(StartupReport, StartupLimit);
        return statmgr;
    }
}
