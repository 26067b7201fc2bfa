using System.Globalization;

namespace Statmgr.EwSupervisor;

/// <summary>
/// Command line of the startstop stand-in:
/// <c>ewsupervisor RING [RING...] [--child "CMD ARGS"]... [--beat S] [--kill-delay S] [--config NAME] [--module MOD]</c>.
/// </summary>
internal sealed record SupervisorOptions
{
    public const string Usage =
        "usage: ewsupervisor RING [RING...] [--child \"PROGRAM ARGS\"]... [--beat S] [--kill-delay S]\n" +
        "                    [--config NAME] [--module MOD_NAME]\n" +
        "  RING      rings to attach (they must exist); the first is the home ring (heartbeats, errors)\n" +
        "  --child   a child to start, split at blanks and started directly (no shell); repeatable\n" +
        "  --beat    seconds between TYPE_HEARTBEAT messages on the first ring (default 15; 0 = none)\n" +
        "  --kill-delay  seconds a child gets to exit by itself before SIGTERM, then SIGKILL (default 5)\n" +
        "  --config  the name the status text shows as the parent's argument (default -)\n" +
        "  --module  module id of the messages it sends (default MOD_STARTSTOP)";

    public required IReadOnlyList<string> Rings { get; init; }
    public IReadOnlyList<string> Children { get; init; } = [];
    public double BeatSeconds { get; init; } = 15;
    public double KillDelaySeconds { get; init; } = 5;
    public string? ConfigName { get; init; }
    public string Module { get; init; } = "MOD_STARTSTOP";

    public static SupervisorOptions? Parse(IReadOnlyList<string> args, out string error)
    {
        error = "";
        var rings = new List<string>();
        var children = new List<string>();
        double beat = 15, killDelay = 5;
        string? config = null;
        string module = "MOD_STARTSTOP";
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                rings.Add(arg);
                continue;
            }
            if (i + 1 >= args.Count)
            {
                error = $"ewsupervisor: {arg} needs a value";
                return null;
            }
            string value = args[++i];
            switch (arg)
            {
                case "--child" when CommandSplitter.Split(value).Count > 0:
                    children.Add(value);
                    break;
                case "--beat" when Seconds(value) is double b:
                    beat = b;
                    break;
                case "--kill-delay" when Seconds(value) is double k:
                    killDelay = k;
                    break;
                case "--config":
                    config = value;
                    break;
                case "--module":
                    module = value;
                    break;
                default:
                    error = $"ewsupervisor: bad option <{arg} {value}>";
                    return null;
            }
        }
        if (rings.Count == 0)
        {
            error = "ewsupervisor: at least one RING is required";
            return null;
        }
        return new SupervisorOptions
        {
            Rings = rings, Children = children, BeatSeconds = beat, KillDelaySeconds = killDelay,
            ConfigName = config, Module = module,
        };
    }

    private static double? Seconds(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double v) ? v : null;
}
