using Statmgr.Earthworm.Transport;

namespace Statmgr.EwRing;

/// <summary>
/// ewring sniff RING [--count N] [--logo INST MOD TYPE]: prints every message from the oldest on,
/// one line each ("INST MOD TYPE seq S len L: text", with the read status when it is not OK),
/// until N messages were printed or the ring's flag asks this process or everyone to stop.
/// </summary>
internal static class SniffCommand
{
    private static readonly TimeSpan IdlePause = TimeSpan.FromMilliseconds(5);

    public static void Run(ToolArguments args, NameResolver names, TextWriter output)
    {
        args.ExpectCount(1, 1);
        var (name, key) = names.Ring(args[0], writes: false);
        var count = args.LongOption("--count", long.MaxValue, 1);
        var logoArgs = args.Option("--logo");
        Logo[] wanted = [logoArgs is null ? Logo.Wildcard : names.Logo(logoArgs[0], logoArgs[1], logoArgs[2])];

        using var ring = SystemVRing.Attach(name, key, args.Layout);
        var buffer = new byte[(int)Math.Min(ring.MaxBody, 1 << 20)];
        long printed = 0;
        while (printed < count)
        {
            var status = ring.CopyFrom(wanted, buffer, out var logo, out var length, out var seq);
            switch (status)
            {
                case GetStatus.None:
                    var flag = ring.Flag;
                    if (flag == RingFlag.Terminate || flag == Environment.ProcessId)
                    {
                        output.WriteLine($"{name}: flag {flag}, stopping");
                        return;
                    }
                    output.Flush();
                    Thread.Sleep(IdlePause);
                    continue;
                case GetStatus.Corrupt:
                    output.WriteLine($"{name}: {ring.LastProblem}");
                    continue;
            }
            var note = status == GetStatus.Ok ? "" : $" ({StatusName(status)})";
            var text = status == GetStatus.TooBig ? "" : MessageText.Show(buffer.AsSpan(0, length));
            output.WriteLine($"{names.Describe(logo)} seq {seq} len {length}{note}: {text}");
            printed++;
        }
    }

    private static string StatusName(GetStatus status) => status switch
    {
        GetStatus.Miss => "MISS",
        GetStatus.NoTrack => "NOTRACK",
        GetStatus.TooBig => "TOOBIG",
        GetStatus.MissLapped => "MISS_LAPPED",
        GetStatus.MissSeqGap => "MISS_SEQGAP",
        _ => status.ToString(),
    };
}
