using System.Globalization;
using Statmgr.Earthworm.Transport;
using static Statmgr.TestSupport.SiteNumbers;
using static Statmgr.Tests.Monitor.EndToEnd.StatmgrSite;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>
/// A silence on a real ring: <c>statmgr --silence</c> run as an operator would, the running statmgr
/// sees it, a death under it is logged but not paged, and its end pages the module still dead.
/// The steps are methods of their own so that a longer run can chain them after its own steps.
/// </summary>
public partial class StatmgrEndToEndTests
{
    private const string SilenceReason = "digitizer swap";

    [Test]
    public void ASilencedDeathIsLoggedNotPagedAndTheSilencesEndPages()
    {
        _site.WriteConfig(pickTsec: 5);
        var ring = _site.CreateRing("STATUS_RING", _site.StatusKey);
        var watch = new RingWatcher(ring, TypePage);
        _site.StartStatmgr();
        _site.WaitForLog(StartupReport, StartupLimit);
        using var module = _site.StartModule(_site.StatusKey, ModPick, 2000, 600_000);
        WaitForSnapshot(s => s.Modules.Any(m => m.Name == "pick_ew" && m.Pid == module.Id.ToString(CultureInfo.InvariantCulture)), TimeSpan.FromSeconds(20));

        int id = SilenceFor20Seconds("pick_ew");
        KillAndSeeTheDeathSilenced(module, id, watch);
        SeeTheSilenceEndAndPage("pick_ew", id, watch);

        ring.SetFlag(RingFlag.Terminate);
        Assert.That(_site.WaitForExit(TimeSpan.FromSeconds(10)), Is.EqualTo(0));
    }

    /// <summary>
    /// Runs <c>statmgr --silence &lt;module&gt; 20s "digitizer swap"</c> as a child process and waits for the running
    /// statmgr to log the silence; returns its id.
    /// </summary>
    private int SilenceFor20Seconds(string modName)
    {
        var run = _site.RunStatmgr("--silence", modName, "20s", SilenceReason);
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stderr, Is.Empty);
        Assert.That(run.Stdout, Does.Match($"^added silence #[0-9]+ of {modName} by .+ until [-0-9]+ [:0-9]+ UTC: {SilenceReason}\n$"));
        int id = int.Parse(run.Stdout.AsSpan()[(run.Stdout.IndexOf('#') + 1)..run.Stdout.IndexOf(" of ", StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        // The running statmgr sees the file within a second; the child's start is generous slack.
        _site.WaitForLog($"statmgr: silence #{id} of {modName} by ", TimeSpan.FromSeconds(10));
        Assert.That(Directory.GetFiles(_site.LogDirectory, "*.tmp"), Is.Empty, "the silences file was renamed into place");
        return id;
    }

    /// <summary>Kills the module: its "module dead" is logged with the silence's suffix, and no page of it reaches the ring.</summary>
    private void KillAndSeeTheDeathSilenced(System.Diagnostics.Process module, int id, RingWatcher watch)
    {
        module.Kill();
        Assert.That(module.WaitForExit(10_000), Is.True);
        _site.WaitForLog($"ewhost/pick_ew (MOD_PICK_EW) module dead (silenced: #{id} by ", TimeSpan.FromSeconds(15));
        var log = _site.Log();
        Assert.That(log, Does.Match($"ewhost/pick_ew \\(MOD_PICK_EW\\) module dead \\(silenced: #{id} by [^\n]+ until [^\n]+ UTC: {SilenceReason}\\)\n"));
        Assert.That(log, Does.Not.Contain("ewhost/pick_ew (MOD_PICK_EW) module dead Page sent."));
        Assert.That(watch.Texts(TypePage).Where(t => t.Contains("pick_ew", StringComparison.Ordinal)), Is.Empty, "no page of the silenced module");
    }

    /// <summary>About 20 s after the silence: it ends (expired), and the module still dead is reported, paged, once.</summary>
    private void SeeTheSilenceEndAndPage(string modName, int id, RingWatcher watch)
    {
        _site.WaitForLog($"statmgr: silence #{id} of {modName} ended (expired)\n", TimeSpan.FromSeconds(40));
        _site.WaitForLog($"ewhost/{modName} (MOD_PICK_EW) module dead (silence ended) Page sent.\n", TimeSpan.FromSeconds(5));
        watch.WaitFor(TypePage, t => t.EndsWith($"  ewhost/{modName} (MOD_PICK_EW) module dead (silence ended) Page sent.\n#", StringComparison.Ordinal),
            TimeSpan.FromSeconds(5), _site.Log);
        var log = _site.Log();
        Assert.That(log.IndexOf("ended (expired)", StringComparison.Ordinal), Is.LessThan(log.IndexOf("module dead (silence ended)", StringComparison.Ordinal)));
    }
}
