namespace Statmgr.Stress;

/// <summary>
/// What the bench measured of one statmgr binary, one column of the table. A part that was not
/// run (stress bench PART...) leaves its figures null or empty.
/// </summary>
internal sealed class BinaryFigures(StatmgrBinary binary)
{
    public StatmgrBinary Binary { get; } = binary;

    /// <summary>Process start to the startup report, ms, one per run.</summary>
    public IReadOnlyList<double>? StartupMs { get; set; }

    /// <summary>Idle with 10 modules beating: CPU, RSS and threads.</summary>
    public IdleResult? TenModules { get; set; }

    /// <summary>200 descriptors, all 199 modules beating: RSS (and CPU, threads).</summary>
    public IdleResult? LargeSite { get; set; }

    /// <summary>"module dead" after the deadline second, ms, one per death; and deaths reported before it.</summary>
    public (IReadOnlyList<double> DelaysMs, int EarlyDeaths)? Detection { get; set; }

    /// <summary>The flood ladder's runs, in the order run (the same for every binary).</summary>
    public List<FloodResult> Floods { get; } = new();

    /// <summary>Detection as <see cref="Detection"/>, with the status listener on and /metrics polled ten times a second.</summary>
    public (IReadOnlyList<double> DelaysMs, int EarlyDeaths)? ListenerDetection { get; set; }

    /// <summary>The one-ring flood ladder with the status listener on and /metrics polled ten times a second.</summary>
    public List<FloodResult> ListenerFloods { get; } = new();

    public double? StartupMedianMs => StartupMs is { } times ? Median(times) : null;

    public double? DetectionMedianMs => Detection is { } d ? Median(d.DelaysMs) : null;

    public double? DetectionMaxMs => Detection is { } d ? d.DelaysMs.Max() : null;

    /// <summary>The highest rate of the one-ring ladder below which no run had a false death; null when even the lowest had one.</summary>
    public FloodResult? HighestCleanFlood => HighestClean(Floods);

    /// <summary>The same with the listener on.</summary>
    public FloodResult? HighestCleanListenerFlood => HighestClean(ListenerFloods);

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static FloodResult? HighestClean(IEnumerable<FloodResult> floods) =>
        floods.Where(f => f.Rings == 1).OrderBy(f => f.Rate).TakeWhile(f => f.FalseDeaths == 0).LastOrDefault();
}
