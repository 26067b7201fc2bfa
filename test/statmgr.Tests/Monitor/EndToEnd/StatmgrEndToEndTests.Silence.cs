using System.Globalization;
using Statmgr.Earthworm.Transport;
using static Statmgr.TestSupport.SiteNumbers;
using static Statmgr.Tests.Monitor.EndToEnd.StatmgrSite;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>
/// The silence steps of the acceptance run (see the reload steps): <c>statmgr --silence</c> run as an
/// operator would, the running statmgr sees it, a death under it is logged but not paged, and its
/// end pages the module still dead.
/// </summary>
public partial class StatmgrEndToEndTests
{
    private const string SilenceReason = "digitizer swap";

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
    private void KillAndSeeTheDeathSilenced(System.Diagnostics.Process module, string modName, string modId, int id, RingWatcher watch)
    {
        module.Kill();
        Assert.That(module.WaitForExit(10_000), Is.True);
        _site.WaitForLog($"ewhost/{modName} ({modId}) module dead (silenced: #{id} by ", TimeSpan.FromSeconds(15));
        var log = _site.Log();
        Assert.That(log, Does.Match($"ewhost/{modName} \\({modId}\\) module dead \\(silenced: #{id} by [^\n]+ until [^\n]+ UTC: {SilenceReason}\\)\n"));
        Assert.That(log, Does.Not.Contain($"ewhost/{modName} ({modId}) module dead Page sent."));
        Assert.That(watch.Texts(TypePage).Where(t => t.Contains(modName, StringComparison.Ordinal)), Is.Empty, "no page of the silenced module");
    }

    /// <summary>About 20 s after the silence: it ends (expired), and the module still dead is reported, paged, once.</summary>
    private void SeeTheSilenceEndAndPage(string modName, string modId, int id, RingWatcher watch)
    {
        _site.WaitForLog($"statmgr: silence #{id} of {modName} ended (expired)\n", TimeSpan.FromSeconds(40));
        _site.WaitForLog($"ewhost/{modName} ({modId}) module dead (silence ended) Page sent.\n", TimeSpan.FromSeconds(5));
        watch.WaitFor(TypePage, t => t.EndsWith($"  ewhost/{modName} ({modId}) module dead (silence ended) Page sent.\n#", StringComparison.Ordinal),
            TimeSpan.FromSeconds(5), _site.Log);
        var log = _site.Log();
        Assert.That(log.IndexOf("ended (expired)", StringComparison.Ordinal), Is.LessThan(log.IndexOf("module dead (silence ended)", StringComparison.Ordinal)));
    }
}
