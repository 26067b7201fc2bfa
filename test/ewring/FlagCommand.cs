using System.Globalization;
using Statmgr.Earthworm.Transport;

namespace Statmgr.EwRing;

/// <summary>ewring flag RING [TERMINATE|PID|clear]: prints SHM_HEAD.flag, or sets it as startstop and pau do.</summary>
internal static class FlagCommand
{
    public static void Run(ToolArguments args, NameResolver names, TextWriter output)
    {
        args.ExpectCount(1, 2);
        var (name, key) = names.Ring(args[0], writes: args.Count == 2);
        using var ring = SystemVRing.Attach(name, key, args.Layout);
        if (args.Count == 1)
        {
            output.WriteLine(Describe(ring.Flag));
            return;
        }
        var value = args[1] switch
        {
            "TERMINATE" => RingFlag.Terminate,
            "clear" => RingFlag.None,
            var pid when int.TryParse(pid, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 => n,
            var other => throw new ToolException($"flag is TERMINATE, a pid or clear, not '{other}'"),
        };
        ring.SetFlag(value);
        output.WriteLine($"{name} flag: {Describe(value)}");
    }

    private static string Describe(int flag) => flag switch
    {
        RingFlag.None => "0",
        RingFlag.Terminate => "TERMINATE (-999)",
        _ => $"pid {flag}",
    };
}
