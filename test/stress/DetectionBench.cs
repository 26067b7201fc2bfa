using Statmgr.TestSupport;

namespace Statmgr.Stress;

/// <summary>
/// How late "module dead" is logged after the second boundary at which C's comparison
/// (now − time of the last heartbeat &gt; tsec) first says dead: four modules with tsec 1 beat
/// every 250 ms, stop at random moments, and start again once reported, until enough deaths.
/// With <c>listener</c>, statmgr's status listener is on and a client polls /metrics ten times a second.
/// </summary>
internal static class DetectionBench
{
    private const int Tsec = 1;

    public static (IReadOnlyList<double> DelaysMs, int EarlyDeaths) Run(Tools tools, bool quick, bool listener = false)
    {
        var deathsWanted = quick ? 8 : 20;
        using var site = new StressSite(tools) { StatusListen = listener ? MetricsPoller.FreeLoopbackEndPoint() : null };
        var ring = site.CreateRing("STATUS_RING");
        var modules = Enumerable.Range(0, 4).Select(i => new ModuleSpec($"det{i}", (byte)(20 + i), Tsec)).ToList();
        site.WriteConfig(modules, checkAllRings: false);
        using var log = new LogFollower(site.LogDirectory, TimeSpan.FromMilliseconds(1));
        site.StartStatmgr();
        log.WaitForStartup(TimeSpan.FromSeconds(30));
        using var poller = site.StatusListen is { } listen ? new MetricsPoller(listen) : null;
        using var beater = new Beater(TimeSpan.FromMilliseconds(250));
        beater.AddAll(modules.Select(m => m.Id), ring);
        beater.Start();

        var delays = new List<double>();
        var early = 0;
        Exception? failure = null;
        var threads = modules.Select((module, index) => new Thread(() =>
        {
            try
            {
                var random = new Random(20261125 + index);
                while (true)
                {
                    Thread.Sleep(1200 + random.Next(1300));
                    lock (delays)
                    {
                        if (delays.Count >= deathsWanted)
                        {
                            return;
                        }
                    }
                    var from = log.LineCount;
                    var last = beater.Stop(module.Id);
                    var boundary = DateTimeOffset.FromUnixTimeSeconds(last + Tsec + 1);
                    var dead = log.WaitFor(l => l.Contains($"/{module.Name} ({module.IdName}) module dead", StringComparison.Ordinal), TimeSpan.FromSeconds(5), from)
                        ?? throw new InvalidOperationException($"{module.Name} stopped beating but was not reported dead");
                    lock (delays)
                    {
                        delays.Add((dead.Seen - boundary).TotalMilliseconds);
                        if (dead.Seen < boundary)
                        {
                            early++;
                        }
                    }
                    Thread.Sleep(random.Next(500));
                    from = log.LineCount;
                    beater.Resume(module.Id);
                    _ = log.WaitFor(l => l.Contains($"/{module.Name} ({module.IdName}) module alive", StringComparison.Ordinal), TimeSpan.FromSeconds(5), from)
                        ?? throw new InvalidOperationException($"{module.Name} beats again but was not reported alive");
                }
            }
            catch (Exception e)
            {
                failure ??= e;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        poller?.EnsureAnswered();
        site.StopStatmgr();
        if (failure is not null)
        {
            throw new InvalidOperationException("detection run failed", failure);
        }
        return (delays.Take(deathsWanted).ToList(), early);
    }
}
