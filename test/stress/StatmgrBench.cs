using System.Globalization;

namespace Statmgr.Stress;

/// <summary>
/// Runs the statmgr measurements (all, or the parts named: startup, idle, detection, flood,
/// errors) and prints one table: the port's figure beside C's, both measured on this machine.
/// </summary>
internal static class StatmgrBench
{
    public static readonly string[] Parts = ["startup", "idle", "detection", "flood", "errors"];

    private static readonly long[] SingleRingRates = [20_000, 50_000, 100_000];
    private static readonly long[] ThreeRingRates = [20_000, 50_000];

    /// <summary>The issue's runs last 60 s; the 100,000 msg/s probe beyond them, half that (the bench stays near ten minutes).</summary>
    private static TimeSpan FloodTime(long rate, bool quick) => TimeSpan.FromSeconds(quick ? 10 : rate > 50_000 ? 30 : 60);

    public static int Run(Tools tools, bool quick, IReadOnlyCollection<string> parts, TextWriter output)
    {
        var unknown = parts.Except(Parts).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown bench part(s) {string.Join(", ", unknown)}; parts are {string.Join(", ", Parts)}");
        }
        bool Wanted(string part) => parts.Count == 0 || parts.Contains(part);
        var rows = new List<(string Figure, string Port, string C)>();
        Progress($"statmgr: {tools.Statmgr} ({tools.StatmgrKind}){(quick ? "; BENCH_QUICK: short runs" : "")}");

        if (Wanted("startup"))
        {
            Progress("startup...");
            var startup = StartupBench.Run(tools, quick);
            rows.Add(($"startup to the startup report (median of {startup.Count})", Ms(Median(startup)), "2.7 ms"));
        }
        if (Wanted("idle"))
        {
            Progress("idle...");
            var idle = IdleBench.Run(tools, quick);
            // /proc counts CPU in 10 ms ticks: one tick over the measured time is the resolution.
            var tick = 10 * 60 / idle.Measured.TotalSeconds;
            var cpu = idle.CpuMsPerMinute < tick / 2 ? $"< {tick:F0} ms/min" : $"{idle.CpuMsPerMinute:F0} ms/min";
            rows.Add(($"idle CPU, 10 modules beating every second ({idle.Measured.TotalSeconds:F0} s)", cpu, "3.4 ms/min"));
            rows.Add(("RSS, 10 modules beating", $"{idle.RssMb:F1} MB", "2.6 MB"));
        }
        var verdicts = new List<string>();
        if (Wanted("detection"))
        {
            Progress("detection...");
            var detection = DetectionBench.Run(tools, quick);
            var delays = detection.DelaysMs.Order().ToList();
            rows.Add(($"\"module dead\" after the deadline second, median ({delays.Count} deaths)", Ms(Median(delays)), "500 ms"));
            rows.Add(("\"module dead\" after the deadline second, max", Ms(delays.Max()), "1,000 ms"));
            var met = Median(delays) <= 50 && delays.Max() <= 150 && detection.EarlyDeaths == 0;
            verdicts.Add($"on-time detection (median <= 50 ms, max <= 150 ms{(detection.EarlyDeaths > 0 ? $"; {detection.EarlyDeaths} reported early" : "")}): {(met ? "met" : "NOT met")}");
        }
        if (Wanted("flood"))
        {
            var floods = new List<FloodResult>();
            foreach (var (rings, rate) in SingleRingRates.Select(r => (1, r)).Concat(ThreeRingRates.Select(r => (3, r))))
            {
                var time = FloodTime(rate, quick);
                Progress($"flood: {rings} ring(s), {rate:N0} msg/s for {time.TotalSeconds} s...");
                floods.Add(FloodBench.Run(tools, rings, rate, time));
            }
            var highest = floods.Where(f => f.Rings == 1).OrderBy(f => f.Rate).TakeWhile(f => f.FalseDeaths == 0).LastOrDefault();
            rows.Add(("flood on a 1 MB ring: highest rate with no false death", highest is null ? "none" : $"{highest.Reached:N0} msg/s", "< 1,500 msg/s"));
            foreach (var flood in floods)
            {
                rows.Add(($"  {flood.Rate:N0}/s on {flood.Rings} ring(s) for {flood.Duration.TotalSeconds:F0} s: reached {flood.Reached:N0}/s",
                    $"{flood.FalseDeaths} dead, {flood.Missed} missed ({flood.MissedAtStart} at start), CPU {flood.CpuPercent:F1}%", "dead"));
            }
            var at20k = floods.Where(f => f.Rate == 20_000).ToList();
            var met = at20k.All(f => f.FalseDeaths == 0 && f.CpuPercent < 50);
            verdicts.Add($"flood tolerance at 20,000 msg/s, 1 and 3 rings (no false death, CPU < 50%): {(met ? "met" : "NOT met")}");
        }
        if (Wanted("errors"))
        {
            Progress("error parsing...");
            var errors = ErrorParseBench.Run(0x59FF0000L + ((Environment.ProcessId & 0xFF) << 8));
            rows.Add(("TYPE_ERROR parsed and counted", $"{errors.Dispatched / 1e6:F1} M/s", "3.8 M/s"));
            rows.Add(("TYPE_ERROR taken from a ring, parsed and counted", $"{errors.FromRing / 1e6:F1} M/s", "-"));
        }

        output.WriteLine();
        output.WriteLine($"statmgr under load, {DateTime.UtcNow:yyyy-MM-dd}: {tools.StatmgrKind}; the C figures were measured on this machine");
        var width = rows.Max(r => r.Figure.Length);
        var portWidth = Math.Max(rows.Max(r => r.Port.Length), 4);
        output.WriteLine($"{"figure".PadRight(width)}  {"port".PadLeft(portWidth)}  {"C",14}");
        foreach (var (figure, port, c) in rows)
        {
            output.WriteLine($"{figure.PadRight(width)}  {port.PadLeft(portWidth)}  {c,14}");
        }
        if (Wanted("flood"))
        {
            output.WriteLine("flood rows: false \"module dead\" and \"Missed msg(s)\" reports (\"at start\": in the flood's first 2 s) while");
            output.WriteLine("1,000-byte messages of an unmonitored logo flood each 1 MB ring and one module per ring beats every second");
            output.WriteLine("(tsec 2). C loses heartbeats from 1,100 msg/s and reports false deaths from 1,500 msg/s.");
        }
        verdicts.ForEach(output.WriteLine);
        return 0;
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Ms(double value) => value.ToString("F1", CultureInfo.InvariantCulture) + " ms";

    private static void Progress(string text) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");
}
