using System.Globalization;
using Statmgr.Earthworm.Transport;

namespace Statmgr.EwRing;

/// <summary>ewring create RING [SIZE_KB]: what startstop does for each Ring line (size in KB, default 1024).</summary>
internal static class CreateCommand
{
    public static void Run(ToolArguments args, NameResolver names, TextWriter output)
    {
        args.ExpectCount(1, 2);
        var (name, key) = names.Ring(args[0], writes: true);
        long sizeKb = 1024;
        if (args.Count == 2 && (!long.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out sizeKb) || sizeKb < 1))
        {
            throw new ToolException($"SIZE_KB must be a positive number of kilobytes, not '{args[1]}'");
        }
        var layout = RingLayout.FromChoice(args.Layout) ?? RingLayout.Lp64;
        using var ring = SystemVRing.Create(name, key, sizeKb * 1024, layout);
        output.WriteLine($"created {name} (key {key}): {sizeKb * 1024} bytes, {layout.Name}");
    }
}
