using System.Globalization;

namespace Statmgr.Stress;

/// <summary>Runs every statmgr measurement and prints one table: the port's figure beside C's, measured on this machine.</summary>
public static class StatmgrBench
{
    private static readonly long[] SingleRingRates = [20_000, 50_000, 100_000];
    private static readonly long[] ThreeRingRates = [20_000, 50_000];

    public static int Run(Tools tools, bool quick, TextWriter output)
    {
        var floodTime = TimeSpan.FromSeconds(quick ? 10 : 60);
        Progress($"statmgr: {tools.Statmgr} ({tools.StatmgrKind}){(quick ? "; BENCH_QUICK: short runs" : "")}");
        Progress("startup...");
        var startup = StartupBench.Run(tools, quick);
        Progress("idle...");
        var idle = IdleBench.Run(tools, quick);
        Progress("detection...");
        var detection = DetectionBench.Run(tools, quick);
        var floods = new List<FloodResult>();
        foreach (var (rings, rate) in SingleRingRates.Select(r => (1, r)).Concat(ThreeRingRates.Select(r => (3, r))))
        {
            Progress($"flood: {rings} ring(s), {rate:N0} msg/s for {floodTime.TotalSeconds} s...");
            floods.Add(FloodBench.Run(tools, rings, rate, floodTime));
        }
        Progress("error parsing...");
        var errors = ErrorParseBench.Run(0x59FF0000L + ((Environment.ProcessId & 0xFF) << 8));

        var delays = detection.DelaysMs.Order().ToList();
        var highest = floods.Where(f => f.Rings == 1).OrderBy(f => f.Rate).TakeWhile(f => f.FalseDeaths == 0).LastOrDefault();
        var rows = new List<(string Figure, string Port, string C)>
        {
            ($"startup to the startup report (median of {startup.Count})", Ms(Median(startup)), "2.7 ms"),
            ($"idle CPU, 10 modules beating every second ({idle.Measured.TotalSeconds:F0} s)", $"{idle.CpuMsPerMinute:F0} ms/min", "3.4 ms/min"),
            ("RSS, 10 modules beating", $"{idle.RssMb:F1} MB", "2.6 MB"),
            ($"\"module dead\" after the deadline second, median ({delays.Count} deaths)", Ms(Median(delays)), "500 ms"),
            ("\"module dead\" after the deadline second, max", Ms(delays.Max()), "1,000 ms"),
            ("flood on a 1 MB ring: highest rate with no false death", highest is null ? "none" : $"{highest.Rate:N0} msg/s", "< 1,500 msg/s"),
            ("TYPE_ERROR parsed and counted", $"{errors.Dispatched / 1e6:F1} M/s", "3.8 M/s"),
            ("TYPE_ERROR taken from a ring, parsed and counted", $"{errors.FromRing / 1e6:F1} M/s", "-"),
        };
        foreach (var flood in floods)
        {
            rows.Add(($"  flood {flood.Rate:N0}/s on {flood.Rings} ring(s), {flood.Duration.TotalSeconds:F0} s: reached {flood.Reached:N0}/s",
                $"{flood.FalseDeaths} dead, {flood.Missed} missed, CPU {flood.CpuPercent:F1}%",
                flood.Rate >= 1_500 ? "dead" : "-"));
        }

        output.WriteLine();
        output.WriteLine($"statmgr under load, {DateTime.UtcNow:yyyy-MM-dd}: {tools.StatmgrKind}; C figures measured on this machine");
        var width = rows.Max(r => r.Figure.Length);
        var portWidth = Math.Max(rows.Max(r => r.Port.Length), 4);
        output.WriteLine($"{"figure".PadRight(width)}  {"port".PadLeft(portWidth)}  {"C",14}");
        foreach (var (figure, port, c) in rows)
        {
            output.WriteLine($"{figure.PadRight(width)}  {port.PadLeft(portWidth)}  {c,14}");
        }
        output.WriteLine("(\"dead, missed\": false \"module dead\" reports and \"Missed msg(s)\" reports during the flood; C loses heartbeats from 1,100 msg/s, falsely reports deaths from 1,500 msg/s)");
        if (detection.EarlyDeaths > 0)
        {
            output.WriteLine($"warning: {detection.EarlyDeaths} death(s) reported before the deadline second");
        }
        return floods.All(f => f.FalseDeaths == 0) && detection.EarlyDeaths == 0 ? 0 : 1;
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Ms(double value) => value.ToString("F1", CultureInfo.InvariantCulture) + " ms";

    private static void Progress(string text) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");
}
