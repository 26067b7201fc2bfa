using System.Diagnostics;
using static Statmgr.Tests.Monitor.EndToEnd.StatmgrSite;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>
/// Signals: SIGTERM, and SIGQUIT, SIGUSR1, SIGUSR2 and SIGALRM like it, stop statmgr with the
/// shutdown report and exit status 0 (the last four used to kill it without a word); SIGHUP is
/// logged and ignored. Linux signal numbers.
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
    public void SighupIsLoggedOnceAndStatmgrGoesOn()
    {
        var statmgr = StartedOnTheStatusRing();

        Assert.That(Kill(statmgr.Id, SigHup), Is.EqualTo(0));

        const string ignored = "statmgr: SIGHUP ignored (no reload in this version)\n";
        _site.WaitForLog(ignored, TimeSpan.FromSeconds(10));
        _site.CatchUp();
        Assert.That(statmgr.HasExited, Is.False, _site.Stderr);
        Assert.That(Occurrences(_site.Log(), ignored), Is.EqualTo(1));
        Assert.That(_site.Messages(), Does.Not.Contain("Program stopping."));
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
