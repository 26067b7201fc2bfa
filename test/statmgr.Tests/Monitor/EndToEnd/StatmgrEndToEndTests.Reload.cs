using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Statmgr.Earthworm.Transport;
using Statmgr.Tests.Notify.Mail;
using static Statmgr.TestSupport.SiteNumbers;
using static Statmgr.Tests.Monitor.EndToEnd.StatmgrSite;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>
/// Reload while statmgr runs on a real ring: <c>statmgr --reload</c> adds a module and changes a mail
/// address without a death or a "Program stopping"; a broken descriptor is refused with its
/// <c>file:line:</c> and monitoring goes on; twenty SIGHUPs during a flood leave the configuration
/// on disk loaded. The steps are methods so that later steps (silences) can follow them.
/// </summary>
public partial class StatmgrEndToEndTests
{
    private const byte ModSim1 = 11;
    private const byte ModSim2 = 12;

    /// <summary>Beats for much longer than any test runs; the site stops it.</summary>
    private const int BeatForever = 600_000;

    /// <summary>The acceptance's module: a heartbeat every 2 s against a tsec of 5.</summary>
    private const int BeatMs = 2000;
    private const int SimTsec = 5;

    private const string ReloadDone = "statmgr: reload done\n";
    private static readonly TimeSpan ReloadLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The acceptance run: reloads that add a module and change a mail address and a page limit cost
    /// no heartbeat; a broken descriptor is refused; then sim1 is silenced for 20 s and killed: its
    /// death is logged with the silence, not paged, and the silence's end pages it.
    /// </summary>
    [Test]
    [CancelAfter(180_000)]
    public void ReloadAddsAModuleAndChangesAMailAddressThenABrokenDescriptorIsRefusedThenASilencedDeathPagesOnlyAtTheSilencesEnd()
    {
        var (statmgr, ring, sim1) = StartReloadSite();
        ReloadAddsSim2AndChangesPickEwsMail();
        ABrokenDescriptorIsRefusedByReloadAndBySighup(statmgr);
        NoDeathAndNoStopSoFar();

        var watch = new RingWatcher(ring, TypePage);
        int id = SilenceFor20Seconds("sim1");
        KillAndSeeTheDeathSilenced(sim1, "sim1", "MOD_SIM1", id, watch);
        SeeTheSilenceEndAndPage("sim1", "MOD_SIM1", id, watch);
        Terminate(statmgr);
        // The whole run's log, for whoever reads the test's output (the acceptance asks to see it).
        TestContext.Out.WriteLine(_site.Messages());
    }

    [Test]
    [CancelAfter(120_000)]
    public void TwentySighupsDuringAFloodLeaveTheConfigurationOnDiskLoadedWithoutAFalseDeath()
    {
        var statmgr = StartReloadSite(ringKilobytes: 4096).Statmgr;
        AddSim2WithItsModule();
        using var flood = _site.StartEwringPut(_site.StatusKey, ModTank, TypeError, "1 99 flood of errors nobody reports\\n", count: 100_000, rate: 20_000);
        // Let the flood get going, so the signals come while statmgr reads it.
        Thread.Sleep(500);
        for (int i = 0; i < 20; i++)
        {
            Assert.That(Kill(statmgr.Id, SigHup), Is.EqualTo(0));
        }

        var readings = WaitForEveryReadingToEnd();
        Assert.That(readings.Count(l => l == ReloadDone), Is.GreaterThanOrEqualTo(1), string.Join("", readings));
        Assert.That(readings[^1], Is.EqualTo(ReloadDone), string.Join("", readings));
        WaitForSnapshot(s => s.Modules.Any(m => m.Name == "sim2"), ReloadLimit);
        flood.WaitForExit(30_000);
        _site.CatchUp();
        Assert.That(statmgr.HasExited, Is.False, _site.Stderr);
        StopAfterReloads(statmgr);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task AReloadedMailServerAndSubjectCarryTheNextReport()
    {
        await using var relay = new TestSmtpServer();
        await relay.StartAsync();
        int down = TestSmtpServer.FreePort();
        _site.WriteConfig(pickTsec: 0, simulated: 1, simulatedRestart: false,
            commands: $"mail  ops@example.org\nMailServer  127.0.0.1:{down}\nSmtpSecurity  none\nFrom  statmgr@example.org\nSubject  before\n");
        File.WriteAllText(ParamsPath("sim1.desc"), "modName  sim1\nmodId    MOD_SIM1\ninstId   INST_MENLO\ntsec: 2  page: 0  mail: 9\n");
        _site.CreateRing("STATUS_RING", _site.StatusKey);
        _site.StartStatmgrWithDefaultSignals();
        _site.WaitForLog(StartupReport, StartupLimit);
        var config = ParamsPath("statmgr.d");
        File.WriteAllText(config, File.ReadAllText(config)
            .Replace($"127.0.0.1:{down}", relay.Address, StringComparison.Ordinal)
            .Replace("Subject  before", "Subject  reloaded", StringComparison.Ordinal));

        var reload = _site.RunStatmgr("--reload", "statmgr.d");
        Assert.That(reload.ExitCode, Is.EqualTo(0), reload.Stdout + reload.Stderr + _site.Messages());
        Assert.That(reload.Stdout, Does.Contain("statmgr: reload: mail settings changed\n"));
        using var module = _site.StartModule(_site.StatusKey, ModSim1, 500, 1000);
        _site.WaitForLog("ewhost/sim1 (MOD_SIM1) module dead Mail sent.\n", TimeSpan.FromSeconds(30));

        var waited = Stopwatch.StartNew();
        while (relay.Received.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }
        Assert.That(relay.Received.Select(m => m.RcptTo.Single()), Is.EqualTo(new[] { "ops@example.org" }), _site.Messages());
        var mail = Encoding.Latin1.GetString(relay.Received[0].Data);
        Assert.That(mail, Does.Contain("Subject: reloaded"));
        Assert.That(mail, Does.Contain("ewhost/sim1 (MOD_SIM1) module dead Mail sent."));
        Assert.That(_site.Messages(), Does.Not.Contain($"127.0.0.1:{down}"), "nothing went the old way");
    }

    /// <summary>
    /// statmgr on STATUS_RING with pick_ew (tsec 0: never dead), tankplayer and sim1 (tsec 5), sim1
    /// beating every 2 s; returns once sim1 is alive in the status file and the pid file names statmgr,
    /// with the test's own attachment of the ring and sim1's process.
    /// </summary>
    private (Process Statmgr, TransportRing Ring, Process Sim1) StartReloadSite(int ringKilobytes = 1024)
    {
        _site.WriteConfig(pickTsec: 0, simulated: 1, simulatedTsec: SimTsec, pickLines: "mail  pick-team@example.org\n");
        // sim2's descriptor is there from the start, for the reloads to add.
        File.WriteAllText(ParamsPath("sim2.desc"), $"modName  sim2\nmodId    MOD_SIM2\ninstId   INST_MENLO\ntsec: {SimTsec}  page: 0  mail: 0\n");
        var ring = _site.CreateRing("STATUS_RING", _site.StatusKey, ringKilobytes);
        var statmgr = _site.StartStatmgrWithDefaultSignals();
        _site.WaitForLog(StartupReport, StartupLimit);
        var sim1 = _site.StartModule(_site.StatusKey, ModSim1, BeatMs, BeatForever);
        WaitForSnapshot(s => s.Modules.Any(m => m.Name == "sim1" && m.Pid.Length > 0), ReloadLimit);
        Assert.That(File.ReadAllText(Path.Combine(_site.LogDirectory, "statmgr.pid")),
            Is.EqualTo(statmgr.Id.ToString(CultureInfo.InvariantCulture) + "\n"));
        return (statmgr, ring, sim1);
    }

    /// <summary>
    /// Adds sim2 (whose module starts beating) to statmgr.d, gives pick_ew another mail address and
    /// lets sim1 page (page: 9, for the silence steps); runs --reload.
    /// </summary>
    private void ReloadAddsSim2AndChangesPickEwsMail()
    {
        AddSim2WithItsModule();
        var pick = ParamsPath("pick_ew.desc");
        File.WriteAllText(pick, File.ReadAllText(pick).Replace("pick-team@example.org", "pick-night@example.org", StringComparison.Ordinal));
        var sim1 = ParamsPath("sim1.desc");
        File.WriteAllText(sim1, File.ReadAllText(sim1).Replace("page: 0", "page: 9", StringComparison.Ordinal));

        var reload = _site.RunStatmgr("--reload", "statmgr.d");

        Assert.That(reload.ExitCode, Is.EqualTo(0), reload.Stdout + reload.Stderr + _site.Messages());
        Assert.That(reload.Stdout, Does.Contain("statmgr: SIGHUP: reloading "));
        Assert.That(reload.Stdout, Does.Contain("statmgr: reload: added sim2\n"));
        Assert.That(reload.Stdout, Does.Contain("statmgr: reload: changed recipients of pick_ew\n"));
        Assert.That(reload.Stdout, Does.Contain("statmgr: reload: changed limits of sim1\n"));
        Assert.That(reload.Stdout, Does.EndWith(" " + ReloadDone));
        Assert.That(_site.Log(), Does.Contain("statmgr: reload: added sim2\n"));
        WaitForSnapshot(s => s.Modules.Any(m => m.Name == "sim2" && m.Pid.Length > 0), ReloadLimit);
        var status = _site.RunStatmgr("--status", "statmgr.d");
        Assert.That(status.Stdout, Does.Contain("sim2"), status.Stderr);
    }

    /// <summary>
    /// sim2's descriptor broken: --reload refuses before signalling; a raw SIGHUP is refused with
    /// file:line; monitoring goes on. Then the descriptor is mended, as the operator would.
    /// </summary>
    private void ABrokenDescriptorIsRefusedByReloadAndBySighup(Process statmgr)
    {
        var sim2 = ParamsPath("sim2.desc");
        var good = File.ReadAllText(sim2);
        File.WriteAllText(sim2, "modName  sim2\nmodId    MOD_SIM2\ninstId   INST_MENLO\ntsec: five  page: 0  mail: 0\n");

        var reload = _site.RunStatmgr("--reload", "statmgr.d");

        Assert.That(reload.ExitCode, Is.EqualTo(1), reload.Stdout + reload.Stderr);
        Assert.That(reload.Stdout, Does.Contain("sim2.desc:4: error: "));
        Assert.That(reload.Stderr, Is.EqualTo("statmgr: --check found errors; no reload requested\n"));
        int refusedBefore = Occurrences(_site.Log(), "statmgr: reload refused; ");
        Assert.That(refusedBefore, Is.Zero, "--reload sent no signal");

        Assert.That(Kill(statmgr.Id, SigHup), Is.EqualTo(0));
        _site.WaitForLog("statmgr: reload refused; still running the configuration loaded at ", ReloadLimit);
        // The reading's problems come first, each as --check says it, then the refusal.
        Assert.That(_site.Log(), Does.Match(@" sim2\.desc:4: error: statmgr: error decoding heartbeat from descfile <sim2\.desc>[^\n]*\n(?:[^\n]*: warning: [^\n]*\n)*"
            + @"\d{8}_UTC_\d\d:\d\d:\d\d statmgr: reload refused; still running the configuration loaded at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\n"));

        // Monitoring goes on: sim1 and sim2 keep beating past a whole tsec, and nothing dies.
        var after = DateTimeOffset.UtcNow;
        WaitForSnapshot(s => s.Modules.Where(m => m.Name is "sim1" or "sim2")
            .All(m => m.LastHeartbeat > after.AddSeconds(SimTsec)), TimeSpan.FromSeconds(SimTsec + 10));
        Assert.That(statmgr.HasExited, Is.False, _site.Stderr);
        File.WriteAllText(sim2, good);
    }

    /// <summary>No death and no "Program stopping" during the reloads; then TERMINATE ends statmgr, which removes its pid file.</summary>
    private void StopAfterReloads(Process statmgr)
    {
        NoDeathAndNoStopSoFar();
        Terminate(statmgr);
    }

    /// <summary>No module was reported dead and statmgr neither stopped nor started again.</summary>
    private void NoDeathAndNoStopSoFar()
    {
        _site.CatchUp();
        var messages = _site.Messages();
        Assert.That(messages, Does.Not.Contain("module dead"));
        Assert.That(messages, Does.Not.Contain("Program stopping"));
        Assert.That(Occurrences(messages, "Program starting"), Is.EqualTo(1));
    }

    /// <summary>TERMINATE ends statmgr, which removes its pid file.</summary>
    private void Terminate(Process statmgr)
    {
        using (var ring = SystemVRing.Attach("STATUS_RING", _site.StatusKey))
        {
            ring.SetFlag(RingFlag.Terminate);
        }
        Assert.That(_site.WaitForExit(TimeSpan.FromSeconds(20)), Is.EqualTo(0), _site.Stderr);
        Assert.That(File.Exists(Path.Combine(_site.LogDirectory, "statmgr.pid")), Is.False);
    }

    /// <summary>Adds sim2 to statmgr.d, and its module starts beating (every 2 s, as sim1).</summary>
    private void AddSim2WithItsModule()
    {
        File.AppendAllText(ParamsPath("statmgr.d"), "Descriptor   sim2.desc\n");
        _site.StartModule(_site.StatusKey, ModSim2, BeatMs, BeatForever);
    }

    /// <summary>
    /// Waits until every reading begun has ended (as many "done" or "refused" lines as
    /// "SIGHUP: reloading" lines, and no new reading for a second) and returns those end lines in order.
    /// </summary>
    private List<string> WaitForEveryReadingToEnd()
    {
        var waited = Stopwatch.StartNew();
        var settled = Stopwatch.StartNew();
        int lastStarted = -1;
        while (true)
        {
            var log = _site.Log();
            int started = Occurrences(log, "statmgr: SIGHUP: reloading ");
            var ends = Regex.Matches(log, @"statmgr: reload (done|refused[^\n]*)\n").Select(m => m.Value).ToList();
            if (started != lastStarted)
            {
                lastStarted = started;
                settled.Restart();
            }
            if (started > 0 && ends.Count == started && settled.Elapsed > TimeSpan.FromSeconds(1))
            {
                return ends;
            }
            Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(45)), $"readings did not all end:\n{_site.Messages()}\n{_site.Stderr}");
            Assert.That(_site.Statmgr!.HasExited, Is.False, _site.Stderr);
            Thread.Sleep(100);
        }
    }

    private string ParamsPath(string name) => Path.Combine(_site.ParamsDirectory, name);
}
