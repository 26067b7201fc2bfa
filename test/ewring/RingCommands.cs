using System.Globalization;
using Statmgr.Earthworm.Transport;

namespace Statmgr.EwRing;

/// <summary>
/// What startstop, pau and an operator do to a ring as a whole: create it, remove it, set or read
/// its flag, and show its header. The message verbs (put, sniff, garble) have files of their own.
/// </summary>
internal static class RingCommands
{
    /// <summary>ewring create RING [SIZE_KB]: what startstop does for each Ring line (size in KB, default 1024).</summary>
    public static void Create(ToolArguments args, NameResolver names, TextWriter output)
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

    /// <summary>ewring destroy RING: removes segment and semaphore, as startstop does at shutdown.</summary>
    public static void Destroy(ToolArguments args, NameResolver names, TextWriter output)
    {
        args.ExpectCount(1, 1);
        var (name, key) = names.Ring(args[0], writes: true);
        if (!SystemVRing.Destroy(key))
        {
            throw new ToolException($"there is no ring {name} (key {key})");
        }
        output.WriteLine($"destroyed {name} (key {key})");
    }

    /// <summary>ewring flag RING [TERMINATE|PID|clear]: prints SHM_HEAD.flag, or sets it as startstop and pau do.</summary>
    public static void Flag(ToolArguments args, NameResolver names, TextWriter output)
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

    /// <summary>
    /// ewring hold-lock RING: takes the ring's semaphore as a C writer does inside tport_putmsg
    /// (without SEM_UNDO), says so on one line and sleeps until it is killed. Killed, it leaves the
    /// semaphore taken, as a C writer that died holding it does.
    /// </summary>
    public static unsafe void HoldLock(ToolArguments args, NameResolver names, TextWriter output)
    {
        args.ExpectCount(1, 1);
        var (name, key) = names.Ring(args[0], writes: true);
        int semId = SystemVIpc.SemGet(SystemVIpc.ToKeyT(key), 0, 0);
        if (semId < 0)
        {
            throw new ToolException($"there is no ring {name} (key {key})");
        }
        var take = new SystemVIpc.SemBuf { SemNum = 0, SemOp = -1, SemFlg = 0 };
        if (SystemVIpc.SemTimedOp(semId, &take, 1, null) != 0)
        {
            throw new ToolException($"cannot take the semaphore of {name} (key {key}): errno {SystemVIpc.DescribeErrno(SystemVIpc.LastErrno)}");
        }
        output.WriteLine($"holding the lock of {name} (key {key})");
        output.Flush();
        Thread.Sleep(Timeout.Infinite);
    }

    private static string Describe(int flag) => flag switch
    {
        RingFlag.None => "0",
        RingFlag.Terminate => "TERMINATE (-999)",
        _ => $"pid {flag}",
    };

    /// <summary>ewring dump RING: the header fields and the layout.</summary>
    public static void Dump(ToolArguments args, NameResolver names, TextWriter output)
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
