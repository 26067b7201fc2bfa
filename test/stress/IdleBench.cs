using System.Diagnostics;
using Statmgr.TestSupport;

namespace Statmgr.Stress;

/// <summary>
/// statmgr's CPU per minute and RSS with 10 modules beating every second on a quiet ring. The
/// minute is measured after a 90 s warm-up: the runtime's tiered compilation re-compiles the
/// hot methods during roughly the first minute, which is a start-up cost, not an idle one.
/// </summary>
internal static class IdleBench
{
    public static IReadOnlyList<ModuleSpec> TenModules() =>
        Enumerable.Range(0, 10).Select(i => new ModuleSpec($"idle{i:D2}", (byte)(10 + i), 5)).ToList();

    public static (double CpuMsPerMinute, double RssMb, TimeSpan Measured) Run(Tools tools, bool quick)
    {
        using var site = new StressSite(tools);
        var ring = site.CreateRing("STATUS_RING");
        var modules = TenModules();
        site.WriteConfig(modules, checkAllRings: false);
        using var log = new LogFollower(site.LogDirectory, TimeSpan.FromMilliseconds(50));
        var statmgr = site.StartStatmgr();
        log.WaitForStartup(TimeSpan.FromSeconds(30));
        using var beater = new Beater(TimeSpan.FromSeconds(1));
        beater.AddAll(modules, ring);
        beater.Start();

        Thread.Sleep(TimeSpan.FromSeconds(quick ? 10 : 90));
        var cpuBefore = ProcessStats.Cpu(statmgr.Id);
        var clock = Stopwatch.StartNew();
        Thread.Sleep(TimeSpan.FromSeconds(quick ? 15 : 60));
        var cpu = ProcessStats.Cpu(statmgr.Id) - cpuBefore;
        var measured = clock.Elapsed;
        var rss = ProcessStats.Rss(statmgr.Id);
        if (log.Count("module dead") > 0)
        {
            throw new InvalidOperationException("a beating module was reported dead in the idle run");
        }
        site.StopStatmgr();
        return (cpu.TotalMilliseconds * 60 / measured.TotalSeconds, rss / 1048576.0, measured);
    }
}
