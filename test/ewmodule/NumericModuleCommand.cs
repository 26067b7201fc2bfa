using System.Globalization;
using Statmgr.Earthworm.Transport;

namespace Statmgr.EwModule;

/// <summary>
/// The all-numbers form the end-to-end tests use, needing no tables:
/// <c>ewmodule KEY INST MOD HEARTBEAT_TYPE INTERVAL_MS DURATION_MS</c>. The module prints
/// <c>pid N</c> and nothing else, heartbeats with its pid on the ring with that key, the first at
/// once and then every INTERVAL_MS, and exits with status 0 after DURATION_MS.
/// </summary>
internal sealed record NumericModuleCommand(long RingKey, Logo Heartbeat, TimeSpan Interval, TimeSpan Duration)
{
    /// <summary>Null when the arguments are not six numbers (then they are the named form).</summary>
    public static NumericModuleCommand? Parse(IReadOnlyList<string> args)
    {
        if (args.Count != 6
            || !long.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out long key)
            || !byte.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out byte inst)
            || !byte.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out byte mod)
            || !byte.TryParse(args[3], NumberStyles.None, CultureInfo.InvariantCulture, out byte type)
            || !int.TryParse(args[4], NumberStyles.None, CultureInfo.InvariantCulture, out int intervalMs)
            || !int.TryParse(args[5], NumberStyles.None, CultureInfo.InvariantCulture, out int durationMs))
        {
            return null;
        }
        return new NumericModuleCommand(key, new Logo(inst, mod, type),
            TimeSpan.FromMilliseconds(Math.Max(intervalMs, 1)), TimeSpan.FromMilliseconds(durationMs));
    }

    /// <summary>The named-form options that behave the same way.</summary>
    public ModuleOptions ToOptions() => new()
    {
        Ring = "RING",
        Installation = Heartbeat.Installation.ToString(CultureInfo.InvariantCulture),
        Module = Heartbeat.Module.ToString(CultureInfo.InvariantCulture),
        BeatSeconds = Interval.TotalSeconds,
        DieAfterSeconds = Duration.TotalSeconds,
    };
}
