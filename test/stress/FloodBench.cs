using System.Diagnostics;
using Statmgr.TestSupport;

namespace Statmgr.Stress;

/// <summary>
/// Heartbeats under a flood: 1 MB rings, one ewmodule per ring beating every second (tsec 2),
/// and one ewring per ring putting 1,000-byte messages of a logo statmgr does not monitor
/// (TYPE_TRACEBUF2) at a fixed rate. Any "module dead" is false; "Missed msg(s)" counts
/// heartbeats the flood overwrote before statmgr read them. With <c>listener</c>, statmgr's status
/// listener is on and a client polls /metrics ten times a second throughout.
/// </summary>
internal static class FloodBench
{
    public const int BodyBytes = 1000;
    private const int Tsec = 2;

    public static FloodResult Run(Tools tools, int ringCount, long rate, TimeSpan duration, bool listener = false)
    {
        using var site = new StressSite(tools) { StatusListen = listener ? MetricsPoller.FreeLoopbackEndPoint() : null };
        var names = StressSite.RingNames.Take(ringCount).ToList();
        foreach (var name in names)
        {
            site.CreateRing(name);
        }
        var modules = names.Select((_, i) => new ModuleSpec($"beat{i}", (byte)(30 + i), Tsec)).ToList();
        site.WriteConfig(modules, checkAllRings: ringCount > 1);
        using var startstop = ringCount > 1 ? new StartstopStandIn(site) : null;
        using var log = new LogFollower(site.LogDirectory, TimeSpan.FromMilliseconds(50));
        var statmgr = site.StartStatmgr();
        log.WaitForStartup(TimeSpan.FromSeconds(60));
        using var poller = site.StatusListen is { } listen ? new MetricsPoller(listen) : null;
        var floodSeconds = (int)duration.TotalSeconds;
        for (var i = 0; i < names.Count; i++)
        {
            site.StartModule(names[i], modules[i].Id, 1000, (floodSeconds + 15) * 1000);
        }
        // statmgr has heard every module before the flood starts.
        Thread.Sleep(3000);
        var from = log.LineCount;
        var keyIn = names.Select(n => site.Rings[n].ReadHeader().KeyIn).ToList();
        var cpuBefore = ProcessStats.Cpu(statmgr.Id);
        var clock = Stopwatch.StartNew();
        var floodStart = DateTimeOffset.UtcNow;
        var body = new string('w', BodyBytes - 1) + "\n";
        var floods = names.Select(n => site.StartFlood(n, StressSite.ModFlood, StressSite.TypeWaveform, body, rate * floodSeconds, rate)).ToList();
        foreach (var flood in floods)
        {
            if (!flood.WaitForExit((floodSeconds + 60) * 1000))
            {
                throw new InvalidOperationException("a flood did not finish");
            }
        }
        var elapsed = clock.Elapsed;
        var cpu = ProcessStats.Cpu(statmgr.Id) - cpuBefore;
        var record = (double)(BodyBytes + site.Rings[names[0]].Layout.TportHeadSize);
        var reached = names.Select((n, i) => (site.Rings[n].ReadHeader().KeyIn - keyIn[i]) / record / elapsed.TotalSeconds).Min();
        // Two more heartbeat periods: a heartbeat lost at the end would show as a death by now.
        Thread.Sleep((Tsec + 1) * 1000);
        var deaths = log.Count("module dead", from);
        var missedLines = log.Lines.Skip(from)
            .Where(l => l.Text.StartsWith("UTC_", StringComparison.Ordinal) && l.Text.Contains("Missed msg(s)", StringComparison.Ordinal)).ToList();
        var missedAtStart = missedLines.Count(l => l.Seen - floodStart < TimeSpan.FromSeconds(2));
        if (deaths > 0)
        {
            // A false death needs its story: every report line of the flood, timed from its start.
            foreach (var line in log.Lines.Skip(from).Where(l => l.Text.StartsWith("UTC_", StringComparison.Ordinal)))
            {
                Console.Error.WriteLine($"  +{(line.Seen - floodStart).TotalSeconds,6:F2} s  {line.Text.TrimEnd()}");
            }
        }
        poller?.EnsureAnswered();
        site.StopStatmgr();
        return new FloodResult(ringCount, rate, reached, deaths, missedLines.Count, missedAtStart, 100 * cpu.TotalSeconds / elapsed.TotalSeconds, elapsed);
    }
}
