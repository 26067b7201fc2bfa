using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Statmgr.Earthworm.Transport;
using Statmgr.EwSupervisor;
using Statmgr.Tests.Fixtures;
using static Statmgr.TestSupport.SiteNumbers;
using static Statmgr.Tests.Monitor.EndToEnd.StatmgrSite;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>
/// The built statmgr as a child process on real System V rings, with simulated modules as
/// separate processes.
/// </summary>
[Category(TestCategory.WholeProcess)]
[NonParallelizable]
public partial class StatmgrEndToEndTests
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(60);

    /// <summary>The startup report (not the configuration dump's "text:" line, which comes before the loop exists).</summary>
    private const string StartupReport = "ewhost/statmgr Program starting. Page sent.\n";
    private StatmgrSite _site = null!;

    [SetUp]
    public void SetUp() => _site = new StatmgrSite();

    [TearDown]
    public void TearDown() => _site?.Dispose(); // null when the host cannot make rings (the test was ignored)

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private const int SigTerm = 15;

    [Test]
    public void DeadModuleIsPagedAndRestartedThenComesBackAndErrorBatchesAreReported()
    {
        _site.WriteConfig(pickTsec: 3);
        var ring = _site.CreateRing("STATUS_RING", _site.StatusKey);
        var watch = new RingWatcher(ring, TypePage, TypeRestart);
        _site.StartStatmgr();
        _site.WaitForLog(StartupReport, Startup);

        using var module = _site.StartModule(_site.StatusKey, ModPick, 500, 1500);
        Assert.That(module.WaitForExit(30_000), Is.True);
        Assert.That(module.ExitCode, Is.EqualTo(0), module.StandardError.ReadToEnd());
        _site.WaitForLog("ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n", TimeSpan.FromSeconds(3 + 2));
        string pid = module.Id.ToString(CultureInfo.InvariantCulture);
        _site.WaitForLog($"Statmgr: sent restart request for pick_ew pid {pid}\n", TimeSpan.FromSeconds(1));
        Assert.That(watch.WaitFor(TypeRestart, t => t == pid + "\n", TimeSpan.FromSeconds(2), _site.Log), Is.EqualTo(pid + "\n"));
        foreach (var group in new[] { "ops", "night" })
        {
            watch.WaitFor(TypePage, t => t.StartsWith($"group: {group} UTC_", StringComparison.Ordinal)
                && t.EndsWith("  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n#", StringComparison.Ordinal), TimeSpan.FromSeconds(2), _site.Log);
        }

        using var again = _site.StartModule(_site.StatusKey, ModPick, 500, 0);
        _site.WaitForLog("ewhost/pick_ew (MOD_PICK_EW) module alive Page sent.\n", TimeSpan.FromSeconds(5));

        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        _site.EwringPut(_site.StatusKey, ModTank, TypeError, $"{now} 7 disk full\\n", count: 7);
        _site.WaitForLog("ewhost/tankplayer disk full", TimeSpan.FromSeconds(5), count: 2);
        _site.CatchUp();
        var log = _site.Log();
        Assert.That(Occurrences(log, "ewhost/tankplayer disk full Page sent.\n"), Is.EqualTo(1));
        Assert.That(Occurrences(log, "ewhost/tankplayer disk full\n"), Is.EqualTo(1), "7 errors make two batches of 3; the page limit is 1");

        ring.SetFlag(RingFlag.Terminate);
        Assert.That(_site.WaitForExit(TimeSpan.FromSeconds(10)), Is.EqualTo(0));
        Assert.That(_site.Log(), Does.Contain("ewhost/statmgr Program stopping. Page sent.\n"));
        Assert.That(watch.Texts(TypePage).Last(), Does.EndWith("ewhost/statmgr Program stopping. Page sent.\n#"));
    }

    [Test]
    public void SigtermWhileWaitingForStartstopsRingListStopsAtOnce()
    {
        // CheckAllRings with no startstop to answer: C would poll for 29 s before it could stop.
        _site.WriteConfig(checkAllRings: true);
        _site.CreateRing("STATUS_RING", _site.StatusKey);
        var statmgr = _site.StartStatmgr();
        _site.WaitForLog("*****  Start Message Log  *****\n", Startup);
        Thread.Sleep(1500);
        Assert.That(statmgr.HasExited, Is.False);
        var sent = Stopwatch.StartNew();
        Assert.That(Kill(statmgr.Id, SigTerm), Is.EqualTo(0));
        Assert.That(_site.WaitForExit(TimeSpan.FromSeconds(10)), Is.EqualTo(0), _site.Messages() + _site.Stderr);
        Assert.That(sent.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        var log = _site.Log();
        Assert.That(log, Does.Contain("statmgr: told to stop while waiting for startstop's ring list; monitoring only STATUS_RING until the stop\n"));
        Assert.That(log, Does.Not.Contain("Can't get any ring information back from startstop"));
        Assert.That(log, Does.Contain("ewhost/statmgr Program stopping. Page sent.\n"));
        Assert.That(_site.Stdout, Does.Not.Contain("Earthworm may be hung"));
    }

    [Test]
    public void StartedAsStartstopDoesItStopsWhenTheFlagIsItsPid()
    {
        _site.WriteConfig();
        var ring = _site.CreateRing("STATUS_RING", _site.StatusKey);
        var statmgr = _site.StartStatmgrLikeStartstop();
        _site.WaitForLog(StartupReport, Startup);
        ring.SetFlag(statmgr.Id + 1);
        _site.CatchUp();
        Assert.That(statmgr.HasExited, Is.False, "another pid in the flag is not for statmgr");
        ring.SetFlag(statmgr.Id);
        Assert.That(_site.WaitForExit(TimeSpan.FromSeconds(10)), Is.EqualTo(0), _site.Stderr);
        Assert.That(_site.Log(), Does.Contain("ewhost/statmgr Program stopping. Page sent.\n"));
    }

    [Test]
    public void AMissingRingEndsStartupWithStatusOne()
    {
        _site.WriteConfig();
        _site.StartStatmgr();
        Assert.That(_site.WaitForExit(Startup), Is.EqualTo(1));
        Assert.That(_site.Log(), Does.Contain(
            $"statmgr: transport ring STATUS_RING (key {_site.StatusKey}) does not exist; startstop normally creates it from its Ring lines; exiting.\n"));
    }

    [Test]
    public void CheckAllRingsWatchesEveryRingAndRestartsOnTheRingOfTheHeartbeat()
    {
        _site.WriteConfig(checkAllRings: true, pickTsec: 2);
        var status = _site.CreateRing("STATUS_RING", _site.StatusKey);
        var wave = _site.CreateRing("WAVE_RING", _site.WaveKey);
        var statusWatch = new RingWatcher(status, TypePage, TypeRestart);
        var waveWatch = new RingWatcher(wave, TypePage, TypeRestart);
        using var startstop = new CancellationTokenSource();
        var standIn = Task.Run(() => AnswerStatusRequests(status, startstop.Token));
        try
        {
            _site.StartStatmgr();
            _site.WaitForLog(StartupReport, Startup);
            Assert.That(_site.Log(), Does.Contain($"Attaching to RING: WAVE_RING {_site.WaveKey} 1024\n"), _site.Messages());
            _site.WaitForStdout($"WAVE_RING {_site.WaveKey} 1024\nSTATUS_RING {_site.StatusKey} 1024\n", TimeSpan.FromSeconds(5));

            using var module = _site.StartModule(_site.WaveKey, ModPick, 500, 1000);
            Assert.That(module.WaitForExit(30_000), Is.True);
            string pid = module.Id.ToString(CultureInfo.InvariantCulture);
            _site.WaitForLog("ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n", TimeSpan.FromSeconds(2 + 2));
            Assert.That(waveWatch.WaitFor(TypeRestart, t => t == pid + "\n", TimeSpan.FromSeconds(2), _site.Log), Is.EqualTo(pid + "\n"));
            statusWatch.WaitFor(TypePage, t => t.Contains("module dead", StringComparison.Ordinal), TimeSpan.FromSeconds(2), _site.Log);
            Assert.That(statusWatch.Texts(TypeRestart), Is.Empty, "the restart request goes to the ring that carried the heartbeat");
            Assert.That(waveWatch.Texts(TypePage), Is.Empty, "pages go to RingName");

            wave.SetFlag(RingFlag.Terminate);
            Assert.That(_site.WaitForExit(TimeSpan.FromSeconds(10)), Is.EqualTo(0));
        }
        finally
        {
            startstop.Cancel();
            standIn.Wait(TimeSpan.FromSeconds(10));
        }
    }

    [Test]
    public void AHeartbeatAlreadyInTheRingAtTheDeadlineSecondAlwaysCounts()
    {
        const int sims = 4;
        _site.WriteConfig(simulated: sims);
        var ring = _site.CreateRing("STATUS_RING", _site.StatusKey, kilobytes: 4096);
        var watch = new RingWatcher(ring, TypeRestart);
        _site.StartStatmgr();
        _site.WaitForLog(StartupReport, Startup);

        // Each simulated module has tsec 1: with its last heartbeat stamped S it is dead at S+2.
        // Every second each one beats again, k ms before its deadline second: k = 1..20 over
        // 5 seconds on a quiet ring, then (after 2 seconds for the flood to settle) k = 1..20
        // again while a flood of messages statmgr must read goes on.
        var beats = new List<PutBeat>();
        long boundary = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1;
        for (int m = 0; m < sims; m++)
        {
            beats.Add(Beat(ring, (byte)(11 + m)));
        }
        int onTime = 0;
        for (int second = 0; second < 12; second++, boundary++)
        {
            if (second == 5)
            {
                _site.StartEwringPut(_site.StatusKey, ModTank, TypeError, "1 99 flood of errors nobody reports\\n", count: 200_000, rate: 20_000);
            }
            int trial = second < 5 ? second : second - 7;
            var planned = Enumerable.Range(0, sims)
                .Select(m => (Module: (byte)(11 + m), Ms: trial >= 0 ? 1 + m * 5 + trial : 500 - m))
                .OrderByDescending(b => b.Ms);
            foreach (var (module, ms) in planned)
            {
                SleepUntil(DateTimeOffset.FromUnixTimeSeconds(boundary).AddMilliseconds(-ms));
                var beat = Beat(ring, module);
                beats.Add(beat);
                onTime += beat.Done < DateTimeOffset.FromUnixTimeSeconds(boundary) ? 1 : 0;
            }
        }
        // The last deadline second was judged at the end of the loop; the next one, with no more
        // heartbeats, comes a second later.
        Thread.Sleep(600);

        // A death is a failure unless this test itself was late: only a module whose newest
        // heartbeat put before that second was stamped two or more seconds earlier may be dead
        // (on a loaded machine the putting thread can miss its moment; then the death is right).
        var messages = _site.Messages();
        long started = ReportSecond(messages, "ewhost/statmgr Program starting.");
        var wrongDeaths = SimDeaths(messages)
            .Where(d => d.Second - beats.Where(b => b.Module == d.Module && b.Done < DateTimeOffset.FromUnixTimeSeconds(d.Second))
                .Select(b => b.Stamp).Append(started).Max() <= 1)
            .ToList();
        Assert.That(wrongDeaths, Is.Empty, messages);
        Assert.That(onTime, Is.GreaterThanOrEqualTo(36), "most heartbeats must really be put before their deadline second for this test to mean anything");
        Assert.That(watch.Texts(TypeRestart), Has.Count.LessThanOrEqualTo(SimDeaths(messages).Count));
        Assert.That(messages, Does.Not.Contain("Missed msg"), "the flood must not lap statmgr");
    }

    private readonly record struct PutBeat(byte Module, long Stamp, DateTimeOffset Done);

    private static PutBeat Beat(TransportRing ring, byte module)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.That(ring.Put(new Logo(Inst, module, TypeHeartbeat), Encoding.ASCII.GetBytes($"{now} {40000 + module}\n")), Is.EqualTo(PutStatus.Ok));
        return new PutBeat(module, now, DateTimeOffset.UtcNow);
    }

    /// <summary>"module dead" reports of the simulated modules: module id and report second.</summary>
    private static List<(byte Module, long Second)> SimDeaths(string messages) =>
        System.Text.RegularExpressions.Regex.Matches(messages, @"UTC_(\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4})  ewhost/sim(\d+) \(MOD_SIM\d+\) module dead")
            .Select(m => ((byte)(10 + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)), AscSecond(m.Groups[1].Value)))
            .ToList();

    private static long ReportSecond(string messages, string report)
    {
        var match = System.Text.RegularExpressions.Regex.Match(messages, @"UTC_(\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4})  " + System.Text.RegularExpressions.Regex.Escape(report));
        Assert.That(match.Success, Is.True, messages);
        return AscSecond(match.Groups[1].Value);
    }

    private static long AscSecond(string asctime) =>
        new DateTimeOffset(DateTime.ParseExact(asctime.Replace("  ", " ", StringComparison.Ordinal), "ddd MMM d HH:mm:ss yyyy",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)).ToUnixTimeSeconds();

    private static void SleepUntil(DateTimeOffset moment)
    {
        var left = moment - DateTimeOffset.UtcNow;
        if (left > TimeSpan.FromMilliseconds(3))
        {
            Thread.Sleep(left - TimeSpan.FromMilliseconds(3));
        }
        while (DateTimeOffset.UtcNow < moment)
        {
            Thread.SpinWait(50);
        }
    }

    /// <summary>startstop's part: answer TYPE_REQSTATUS on the ring with a TYPE_STATUS listing both rings.</summary>
    private void AnswerStatusRequests(TransportRing statusRing, CancellationToken stop)
    {
        using var ring = SystemVRing.Attach("STATUS_RING", _site.StatusKey);
        var buffer = new byte[512];
        Logo[] requests = [new Logo(Inst, 0, TypeReqStatus)];
        while (!stop.IsCancellationRequested)
        {
            if (ring.GetMessage(requests, buffer, out _, out _) is GetStatus.None)
            {
                Thread.Sleep(10);
                continue;
            }
            string text = StartstopStatus.Text(new("WAVE_RING", (int)_site.WaveKey, 1024), new("STATUS_RING", (int)_site.StatusKey, 1024));
            ring.Put(new Logo(Inst, ModStartstop, TypeStatus), Encoding.ASCII.GetBytes(text));
        }
        GC.KeepAlive(statusRing);
    }
}
