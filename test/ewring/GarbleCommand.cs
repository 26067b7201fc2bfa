using System.Diagnostics;
using System.Globalization;
using Statmgr.Earthworm.Transport;

namespace Statmgr.EwRing;

/// <summary>
/// ewring garble RING [--seed S] [--seconds N]: overwrites the ring's bytes with garbage, as a
/// broken process sharing the memory would (see <see cref="RingDamage"/>), for N seconds
/// (default 60) or until killed. Deterministic for a seed, apart from the interleaving with other processes.
/// </summary>
internal static class GarbleCommand
{
    public static void Run(ToolArguments args, NameResolver names, TextWriter output)
    {
        args.ExpectCount(1, 1);
        var (name, key) = names.Ring(args[0], writes: true);
        var random = new Random((int)args.LongOption("--seed", 1, int.MinValue));
        var seconds = args.LongOption("--seconds", 60, 1);
        RingLayout layout;
        int length;
        using (var ring = SystemVRing.Attach(name, key, args.Layout))
        {
            layout = ring.Layout;
            length = layout.ShmHeadSize + (int)ring.KeyMax;
        }
        using var segment = new SharedSegment(key, length);
        var damage = new RingDamage(random, layout, length);
        output.WriteLine($"garbling {name} (key {key}) for {seconds} s");
        output.Flush();

        var clock = Stopwatch.StartNew();
        long writes = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            damage.Apply(segment.Bytes);
            // Leave the other core to the readers being tested.
            if (++writes % 256 == 0)
            {
                Thread.Sleep(1);
            }
        }
        output.WriteLine($"garbled {writes.ToString(CultureInfo.InvariantCulture)} time(s)");
    }
}
