using System.Globalization;
using Statmgr.Status.Http;

namespace Statmgr.Status;

/// <summary>
/// A monitoring plugin's four answers (Nagios, Icinga and their kin read the exit status, then the
/// first line of output), in the convention's own order, so each value is its exit status.
/// </summary>
internal enum PluginState
{
    Ok = 0,
    Warning = 1,
    Critical = 2,
    Unknown = 3,
}

/// <summary>
/// What a snapshot says at a glance: the plugin state and the one line a monitoring system shows,
/// "STATMGR OK|WARNING|CRITICAL|UNKNOWN - ...". A module that is dead is critical; one stopped by
/// startstop or waiting for the restart statmgr asked for is a warning (someone is already acting);
/// a snapshot whose last pass is too old says nothing about now, so statmgr itself is unknown.
/// </summary>
internal sealed record StatusVerdict(PluginState State, string Line)
{
    /// <summary>
    /// How old statmgr's last pass may be before its snapshot no longer counts: the loop goes round
    /// at least once a second, so ten seconds without a pass means it is stuck or gone.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

    /// <summary>States named module by module in the line, worst first; the others are only counted.</summary>
    private static readonly ModuleState[] Named = [ModuleState.Dead, ModuleState.RestartRequested, ModuleState.Stopped];

    /// <summary>The verdict with <paramref name="now"/> as the wall-clock time.</summary>
    public static StatusVerdict Of(StatusSnapshot snapshot, DateTimeOffset now)
    {
        var sinceLastPass = now - snapshot.Statmgr.LastPass;
        if (sinceLastPass > StaleAfter)
        {
            return Unknown(
                $"statmgr's last pass was {WholeSeconds(sinceLastPass)} s ago (at {StatusTable.Time(snapshot.Statmgr.LastPass)}), "
                + $"more than {StaleAfter.TotalSeconds:0} s: statmgr is stuck or not running");
        }

        var parts = new List<string>();
        foreach (var state in Enum.GetValues<ModuleState>())
        {
            var names = snapshot.Modules.Where(m => m.State == state).Select(m => m.Name).ToList();
            if (names.Count > 0)
            {
                parts.Add(Named.Contains(state)
                    ? $"{names.Count} {ModuleStateWords.Spoken(state)} ({string.Join(", ", names)})"
                    : $"{names.Count} {ModuleStateWords.Spoken(state)}");
            }
        }
        var worst = snapshot.Modules.Any(m => m.State == ModuleState.Dead) ? PluginState.Critical
            : snapshot.Modules.Any(m => m.State is ModuleState.RestartRequested or ModuleState.Stopped) ? PluginState.Warning
            : PluginState.Ok;
        return new StatusVerdict(worst, Text(worst, parts.Count > 0 ? string.Join(", ", parts) : "no modules"));
    }

    /// <summary>Unknown, for when there is no snapshot to judge (or one too old to).</summary>
    public static StatusVerdict Unknown(string why) => new(PluginState.Unknown, Text(PluginState.Unknown, why));

    /// <summary>Whole seconds, rounded down: "10 s ago" is never more than ten.</summary>
    public static long WholeSeconds(TimeSpan span) => (long)Math.Floor(span.TotalSeconds);

    private static string Text(PluginState state, string detail) =>
        string.Create(CultureInfo.InvariantCulture, $"STATMGR {state.ToString().ToUpperInvariant()} - {detail}");
}
