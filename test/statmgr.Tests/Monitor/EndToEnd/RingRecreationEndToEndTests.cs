using System.Diagnostics;
using System.Globalization;
using Statmgr.Earthworm.Transport;
using static Statmgr.TestSupport.SiteNumbers;
using static Statmgr.Tests.Monitor.EndToEnd.StatmgrSite;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>
/// startstop restarted under a running statmgr: the ring's key comes to name a new segment (or,
/// for a while, nothing). statmgr must notice, say so once, attach to the new ring and go on
/// monitoring it, and poll a missing ring without spinning.
/// </summary>
[Category(TestCategory.WholeProcess)]
[NonParallelizable]
public class RingRecreationEndToEndTests
{
    private StatmgrSite _site = null!;
    private TransportRing? _fresh;

    [SetUp]
    public void SetUp() => _site = new StatmgrSite();

    [TearDown]
    public void TearDown()
    {
        _fresh?.Dispose();
        _site?.Dispose(); // null when the host cannot make rings (the test was ignored)
    }

    [Test]
    public void ARecreatedRingIsAttachedWithinFiveSecondsAndMonitored()
    {
        _site.WriteConfig(pickTsec: 2);
        _site.CreateRing("STATUS_RING", _site.StatusKey);
        _site.StartStatmgr();
        _site.WaitForLog(StartupReport, StartupLimit);
        using var before = _site.StartModule(_site.StatusKey, ModPick, 500, 60_000);
        Thread.Sleep(700);

        var recreated = Stopwatch.StartNew();
        _site.Ewring("create", Key(_site.StatusKey), "1024");
        string line = $"statmgr: ring STATUS_RING (key {_site.StatusKey}) was re-created; attached to the new one\n";
        _site.WaitForLog(line, TimeSpan.FromSeconds(5));
        Assert.That(recreated.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));

        // The old module writes to memory nobody reads any more; a new one beats on the new ring, then dies.
        before.Kill();
        _fresh = SystemVRing.Attach("STATUS_RING", _site.StatusKey);
        var watch = new RingWatcher(_fresh, TypePage, TypeRestart);
        using var after = _site.StartModule(_site.StatusKey, ModPick, 500, 2500);
        string pid = after.Id.ToString(CultureInfo.InvariantCulture);
        Assert.That(after.WaitForExit(30_000), Is.True);
        _site.WaitForLog($"Statmgr: sent restart request for pick_ew pid {pid}\n", TimeSpan.FromSeconds(2 + 2));

        // The pid came only in the new ring's heartbeats; page and restart request went to the new ring.
        Assert.That(watch.WaitFor(TypeRestart, t => t == pid + "\n", TimeSpan.FromSeconds(2), _site.Log), Is.EqualTo(pid + "\n"));
        watch.WaitFor(TypePage, t => t.EndsWith("ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n#", StringComparison.Ordinal), TimeSpan.FromSeconds(2), _site.Log);
        var messages = _site.Messages();
        Assert.That(Occurrences(messages, line), Is.EqualTo(1));
        Assert.That(Occurrences(messages, "module dead"), Is.EqualTo(1), "no death while the new module was beating:\n" + messages);
        Assert.That(messages, Does.Not.Contain("was removed"));
    }

    [Test]
    public void ARemovedRingIsSaidOnceAndPolledWithoutSpinningUntilItComesBack()
    {
        _site.WriteConfig();
        _site.CreateRing("STATUS_RING", _site.StatusKey);
        var statmgr = _site.StartStatmgr();
        _site.WaitForLog(StartupReport, StartupLimit);

        _site.Ewring("destroy", Key(_site.StatusKey));
        string removed = $"statmgr: ring STATUS_RING (key {_site.StatusKey}) was removed and cannot be attached again "
            + $"(transport ring STATUS_RING (key {_site.StatusKey}) does not exist; startstop normally creates it from its Ring lines); still trying\n";
        _site.WaitForLog(removed, TimeSpan.FromSeconds(3));
        var cpuBefore = ProcessStats.Cpu(statmgr.Id);
        Thread.Sleep(3000);
        var cpu = ProcessStats.Cpu(statmgr.Id) - cpuBefore;
        TestContext.Out.WriteLine($"statmgr CPU over 3 s with the ring gone: {cpu.TotalMilliseconds} ms");
        // Spinning would cost about the whole 3 s; an idle statmgr costs 70-90 ms here (JIT tiering,
        // the status file, the silences file's look) and up to twice that when the suite loads both cores.
        Assert.That(cpu, Is.LessThan(TimeSpan.FromMilliseconds(600)), "3 s of polling a missing ring must not spin");
        Assert.That(Occurrences(_site.Messages(), removed), Is.EqualTo(1));

        _site.Ewring("create", Key(_site.StatusKey), "1024");
        _site.WaitForLog($"statmgr: ring STATUS_RING (key {_site.StatusKey}) was re-created; attached to the new one\n", TimeSpan.FromSeconds(3));
        _site.Ewring("flag", Key(_site.StatusKey), "TERMINATE");
        Assert.That(_site.WaitForExit(TimeSpan.FromSeconds(10)), Is.EqualTo(0), "statmgr watches the new ring's flag");
        Assert.That(Occurrences(_site.Messages(), removed), Is.EqualTo(1));
    }

    private static string Key(long key) => key.ToString(CultureInfo.InvariantCulture);
}
