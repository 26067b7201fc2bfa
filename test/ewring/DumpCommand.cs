using Statmgr.Earthworm.Transport;

namespace Statmgr.EwRing;

/// <summary>ewring dump RING: the header fields and the layout.</summary>
internal static class DumpCommand
{
    public static void Run(ToolArguments args, NameResolver names, TextWriter output)
    {
        args.ExpectCount(1, 1);
        var (name, key) = names.Ring(args[0], writes: false);
        using var ring = SystemVRing.Attach(name, key, args.Layout);
        var header = ring.ReadHeader();
        var layout = ring.Layout;
        output.WriteLine($"ring     {name} (key {key})");
        output.WriteLine($"layout   {layout.Name} (SHM_HEAD {layout.ShmHeadSize} bytes, TPORT_HEAD {layout.TportHeadSize} bytes, {layout.KeyBits}-bit keys)");
        output.WriteLine($"mapping  {ring.DescribeMapping()}");
        output.WriteLine($"nbytes   {header.NBytes}");
        output.WriteLine($"keymax   {header.KeyMax}");
        output.WriteLine($"keyin    {header.KeyIn}");
        output.WriteLine($"keyold   {header.KeyOld}");
        output.WriteLine($"flag     {header.Flag}");
        output.WriteLine($"in ring  {header.KeyIn - header.KeyOld} bytes; max body {ring.MaxBody}");
    }
}
