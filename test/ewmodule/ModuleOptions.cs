using System.Globalization;

namespace Statmgr.EwModule;

/// <summary>
/// Command line of the simulated module:
/// <c>ewmodule RING INST MOD [--beat S] [--pid-in-beat yes|no] [--die-after S] [--die-first-start-only]
/// [--errors-per-min N --err E] [--exit-on-flag [yes|no]] [--note TEXT...]</c>.
/// </summary>
internal sealed record ModuleOptions
{
    public const string Usage =
        "usage: ewmodule RING INST MOD [--beat S] [--pid-in-beat yes|no] [--die-after S] [--die-first-start-only]\n" +
        "                [--errors-per-min N --err E] [--exit-on-flag [yes|no]] [--note TEXT...]\n" +
        "   or: ewmodule KEY INST MOD HEARTBEAT_TYPE INTERVAL_MS DURATION_MS   (all numbers, no tables; prints only \"pid N\")\n" +
        "  --note takes the rest of the command line (startstop splits commands at blanks, with no quoting).\n" +
        "  --die-first-start-only: die only when EWSUPERVISOR_START_COUNT is unset or 1, so a restarted copy lives.";

    public required string Ring { get; init; }
    public required string Installation { get; init; }
    public required string Module { get; init; }
    public double BeatSeconds { get; init; } = 1;
    public bool PidInBeat { get; init; } = true;
    /// <summary>Seconds after start at which the module stops beating and exits; null never.</summary>
    public double? DieAfterSeconds { get; init; }
    public bool DieFirstStartOnly { get; init; }
    public double ErrorsPerMinute { get; init; }
    public int ErrorNumber { get; init; }
    public string Note { get; init; } = "";
    public bool ExitOnFlag { get; init; } = true;

    public static ModuleOptions? Parse(IReadOnlyList<string> args, out string error)
    {
        error = "";
        if (args.Count < 3)
        {
            error = "ewmodule: RING, INST and MOD are required";
            return null;
        }
        var o = new ModuleOptions { Ring = args[0], Installation = args[1], Module = args[2] };
        bool errGiven = false;
        for (int i = 3; i < args.Count; i++)
        {
            string name = args[i];
            string? value = i + 1 < args.Count ? args[i + 1] : null;
            switch (name)
            {
                case "--note":
                    o = o with { Note = string.Join(' ', args.Skip(i + 1)) };
                    i = args.Count;
                    continue;
                case "--die-first-start-only":
                    o = o with { DieFirstStartOnly = true };
                    continue;
                case "--exit-on-flag":
                    if (value is "yes" or "no")
                    {
                        o = o with { ExitOnFlag = value == "yes" };
                        i++;
                    }
                    else
                    {
                        o = o with { ExitOnFlag = true };
                    }
                    continue;
            }
            if (value is null)
            {
                error = $"ewmodule: {name} needs a value";
                return null;
            }
            i++;
            switch (name)
            {
                case "--beat" when Seconds(value) is double s && s > 0:
                    o = o with { BeatSeconds = s };
                    break;
                case "--pid-in-beat" when value is "yes" or "no":
                    o = o with { PidInBeat = value == "yes" };
                    break;
                case "--die-after" when Seconds(value) is double d && d >= 0:
                    o = o with { DieAfterSeconds = d };
                    break;
                case "--errors-per-min" when Seconds(value) is double n && n >= 0:
                    o = o with { ErrorsPerMinute = n };
                    break;
                case "--err" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int e):
                    o = o with { ErrorNumber = e };
                    errGiven = true;
                    break;
                default:
                    error = $"ewmodule: bad option <{name} {value}>";
                    return null;
            }
        }
        if (o.ErrorsPerMinute > 0 && !errGiven)
        {
            error = "ewmodule: --errors-per-min needs --err";
            return null;
        }
        return o;
    }

    private static double? Seconds(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double v) ? v : null;
}
