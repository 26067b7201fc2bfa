using System.Diagnostics;
using Statmgr.TestSupport;

namespace Statmgr.Stress;

/// <summary>
/// statmgr's CPU per minute, RSS and threads with modules beating every second on a quiet ring.
/// The ReadyToRun runtime re-compiles its hot methods during roughly the first minute (tiered
/// compilation), which is a start-up cost, not an idle one: hence the warm-up before measuring.
/// </summary>
internal static class IdleBench
{
    /// <summary>The idle figures' 10 modules (statmgr's own descriptor is one more).</summary>
    public static IReadOnlyList<ModuleSpec> TenModules() => Modules(10);

    /// <summary>199 modules: with statmgr's own, the 200 descriptors of the large-site RSS figure.</summary>
    public static IReadOnlyList<ModuleSpec> LargeSite() => Modules(199);

    /// <summary>CPU over a minute after a 90 s warm-up (quick: 15 s after 10 s), with <see cref="TenModules"/>.</summary>
    public static IdleResult Run(Tools tools, bool quick) =>
        Run(tools, TenModules(), TimeSpan.FromSeconds(quick ? 10 : 90), TimeSpan.FromSeconds(quick ? 15 : 60));

    /// <summary>
    /// With <see cref="LargeSite"/>: 45 s of warm-up (each module's methods run 199 times a second,
    /// so they are compiled long before; the once-a-pass ones after 30 passes) and 15 s measured
    /// (quick: 10 s and 5 s).
    /// </summary>
    public static IdleResult RunLargeSite(Tools tools, bool quick) =>
        Run(tools, LargeSite(), TimeSpan.FromSeconds(quick ? 10 : 45), TimeSpan.FromSeconds(quick ? 5 : 15));

    /// <summary>Modules 10, 11, ... with tsec 5, so that a late beat is never a death.</summary>
    private static List<ModuleSpec> Modules(int count) =>
        Enumerable.Range(0, count).Select(i => new ModuleSpec($"idle{i:D3}", (byte)(10 + i), 5)).ToList();

    private static IdleResult Run(Tools tools, IReadOnlyList<ModuleSpec> modules, TimeSpan warmUp, TimeSpan window)
    {
        using var site = new StressSite(tools);
        var ring = site.CreateRing("STATUS_RING");
        site.WriteConfig(modules, checkAllRings: false);
        using var log = new LogFollower(site.LogDirectory, TimeSpan.FromMilliseconds(50));
        var statmgr = site.StartStatmgr();
        log.WaitForStartup(TimeSpan.FromSeconds(30));
        using var beater = new Beater(TimeSpan.FromSeconds(1));
        beater.AddAll(modules.Select(m => m.Id), ring);
        beater.Start();

        Thread.Sleep(warmUp);
        var cpuBefore = ProcessStats.Cpu(statmgr.Id);
        var clock = Stopwatch.StartNew();
        Thread.Sleep(window);
        var cpu = ProcessStats.Cpu(statmgr.Id) - cpuBefore;
        var measured = clock.Elapsed;
        var rss = ProcessStats.Rss(statmgr.Id);
        var threads = ProcessStats.Threads(statmgr.Id);
        if (log.Count("module dead") > 0)
        {
            throw new InvalidOperationException($"a beating module was reported dead in the idle run ({modules.Count} modules)");
        }
        site.StopStatmgr();
        return new IdleResult(cpu.TotalMilliseconds * 60 / measured.TotalSeconds, rss / 1048576.0, threads, measured);
    }
}
