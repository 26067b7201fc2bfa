using System.Globalization;

namespace Statmgr.Stress;

/// <summary>
/// The figures the native binary is held to (it is the binary statmgr ships): each target with
/// "met", or "missed by" how much, or "not measured" when its part was not run. Megabytes are
/// MiB (1,048,576 bytes), as everywhere in the table.
/// </summary>
internal static class NativeTargets
{
    /// <summary>CPU per minute with 10 modules beating (C: 3.4 ms).</summary>
    private const double IdleCpuMsPerMinute = 10;

    /// <summary>The upper limits on one figure each (C: startup 2.7 ms, RSS 2.6 MB with 10 modules).</summary>
    private static readonly Limit[] Limits =
    [
        new("startup median", 5, "ms", f => f.StartupMedianMs),
        new("RSS, 10 modules", 8, "MB", f => f.TenModules?.RssMb),
        new("RSS, 200 descriptors", 12, "MB", f => f.LargeSite?.RssMb),
        new("binary", 10, "MB", f => f.Binary.Bytes / 1048576.0),
    ];

    /// <summary>
    /// "No worse than ReadyToRun" for detection allows the log follower's poll period: a delay is
    /// only known to within 1 ms, so a native median 0.5 ms above ReadyToRun's is a tie.
    /// </summary>
    private const double DetectionToleranceMs = 1;

    public static IEnumerable<string> Lines(BinaryFigures? native, BinaryFigures? readyToRun)
    {
        if (native is null)
        {
            yield return "targets of the native binary: not measured (no native binary; make publish makes it)";
            yield break;
        }
        yield return "targets of the native binary:";
        foreach (var limit in Limits)
        {
            yield return Line($"{limit.What} <= {limit.Max} {limit.Unit}", limit.Figure(native), limit.Max, limit.Unit);
        }
        yield return IdleCpuLine(native.TenModules);
        yield return $"  detection no worse than ReadyToRun: {Detection(native, readyToRun)}";
        yield return $"  flood no worse than ReadyToRun: {Flood(native, readyToRun)}";
    }

    private static string Line(string target, double? value, double limit, string unit) =>
        $"  {target}: {Verdict(value, limit, unit)}";

    private static string Verdict(double? value, double limit, string unit) =>
        value is not { } v ? "not measured"
        : v <= limit ? $"met ({Number(v)} {unit})"
        : $"missed by {Number(v - limit)} {unit} ({Number(v)} {unit})";

    /// <summary>
    /// A figure under one /proc tick is met when one tick over the measured time is within the
    /// target; a shorter run (BENCH_QUICK) cannot tell.
    /// </summary>
    private static string IdleCpuLine(IdleResult? idle)
    {
        var target = $"idle CPU <= {IdleCpuMsPerMinute} ms/min, 10 modules";
        if (idle is not null && idle.CpuUnderOneTick)
        {
            var under = $"under one 10 ms tick in {idle.Measured.TotalSeconds:F0} s, < {idle.TickMsPerMinute:F0} ms/min";
            return idle.TickMsPerMinute <= IdleCpuMsPerMinute
                ? $"  {target}: met ({under})"
                : $"  {target}: not decided ({under}; the run was too short)";
        }
        return Line(target, idle?.CpuMsPerMinute, IdleCpuMsPerMinute, "ms/min");
    }

    private static string Detection(BinaryFigures native, BinaryFigures? readyToRun)
    {
        if (native.DetectionMedianMs is not { } median || native.DetectionMaxMs is not { } max)
        {
            return "not measured";
        }
        if (readyToRun?.DetectionMedianMs is not { } r2rMedian || readyToRun.DetectionMaxMs is not { } r2rMax)
        {
            return "not measured (no ReadyToRun binary; make publish-r2r makes it)";
        }
        var late = new List<string>();
        if (median > r2rMedian + DetectionToleranceMs)
        {
            late.Add($"median by {Number(median - r2rMedian)} ms");
        }
        if (max > r2rMax + DetectionToleranceMs)
        {
            late.Add($"max by {Number(max - r2rMax)} ms");
        }
        var figures = $"median {Number(median)} / {Number(r2rMedian)} ms, max {Number(max)} / {Number(r2rMax)} ms, native / ReadyToRun";
        return late.Count == 0 ? $"met ({figures})" : $"missed: {string.Join(", ", late)} ({figures})";
    }

    /// <summary>Met when the native binary had no false death in any run where ReadyToRun had none.</summary>
    private static string Flood(BinaryFigures native, BinaryFigures? readyToRun)
    {
        if (native.Floods.Count == 0)
        {
            return "not measured";
        }
        if (readyToRun is null || readyToRun.Floods.Count != native.Floods.Count)
        {
            return "not measured (no ReadyToRun binary; make publish-r2r makes it)";
        }
        var worse = native.Floods.Zip(readyToRun.Floods)
            .Where(p => p.First.FalseDeaths > 0 && p.Second.FalseDeaths == 0)
            .Select(p => $"{p.First.FalseDeaths} false death(s) at {p.First.Rate:N0} msg/s on {p.First.Rings} ring(s)")
            .ToList();
        return worse.Count == 0
            ? $"met (highest rate with no false death: {Highest(native)} native, {Highest(readyToRun)} ReadyToRun)"
            : $"missed: {string.Join("; ", worse)}, where ReadyToRun had none";
    }

    private static string Highest(BinaryFigures figures) =>
        figures.HighestCleanFlood is { } flood ? $"{flood.Rate:N0} msg/s" : "none";

    private static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A figure of the native binary that must not exceed <see cref="Max"/>.</summary>
    private sealed record Limit(string What, double Max, string Unit, Func<BinaryFigures, double?> Figure);
}
