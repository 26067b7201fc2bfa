namespace Statmgr.Stress;

/// <summary>Time from starting the statmgr process to its startup report in the log ("Program starting."), median of several runs.</summary>
internal static class StartupBench
{
    public static IReadOnlyList<double> Run(Tools tools, bool quick)
    {
        var times = new List<double>();
        var runs = quick ? 3 : 10;
        // One run first, not counted: it only warms the file cache.
        for (var run = 0; run <= runs; run++)
        {
            using var site = new StressSite(tools);
            site.CreateRing("STATUS_RING");
            site.WriteConfig(IdleBench.TenModules(), checkAllRings: false);
            using var log = new LogFollower(site.LogDirectory, TimeSpan.FromMilliseconds(1));
            var started = DateTimeOffset.UtcNow;
            site.StartStatmgr();
            var report = log.WaitFor(l => l.Contains("statmgr Program starting.", StringComparison.Ordinal), TimeSpan.FromSeconds(30))
                ?? throw new InvalidOperationException("statmgr sent no startup report within 30 s");
            if (run > 0)
            {
                // From just before Process.Start to the moment the follower (polling every millisecond) saw the line.
                times.Add((report.Seen - started).TotalMilliseconds);
            }
            site.StopStatmgr();
        }
        return times;
    }
}
