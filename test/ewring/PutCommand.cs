using System.Diagnostics;
using System.Text;
using Statmgr.Earthworm.Transport;

namespace Statmgr.EwRing;

/// <summary>
/// ewring put RING INST MOD TYPE TEXT [--count N] [--rate MSGS_PER_S]: writes TEXT (with <c>\n</c>
/// and <c>{n}</c> expanded) N times, paced to the rate if one is given.
/// </summary>
internal static class PutCommand
{
    public static void Run(ToolArguments args, NameResolver names, TextWriter output)
    {
        args.ExpectCount(5, 5);
        var (name, key) = names.Ring(args[0], writes: true);
        var logo = names.Logo(args[1], args[2], args[3]);
        var count = args.LongOption("--count", 1, 1);
        var rate = args.LongOption("--rate", 0, 0);
        var template = args[4];
        var fixedBody = template.Contains("{n}", StringComparison.Ordinal) ? null : Encoding.Latin1.GetBytes(MessageText.Expand(template, 0));
        var body = new byte[Math.Max(fixedBody?.Length ?? 0, 64)];

        using var ring = SystemVRing.Attach(name, key, args.Layout);
        var clock = Stopwatch.StartNew();
        for (long i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> message = fixedBody ?? Render(template, i, ref body);
            var status = ring.Put(logo, message);
            if (status != PutStatus.Ok)
            {
                throw new ToolException($"put {i} of {count} to {name} failed: {status} {ring.LastProblem}".TrimEnd());
            }
            if (rate > 0)
            {
                Pace(clock, i + 1, rate);
            }
        }
        output.WriteLine($"put {count} message(s) to {name} (key {key})");
    }

    private static ReadOnlySpan<byte> Render(string template, long index, ref byte[] buffer)
    {
        var text = MessageText.Expand(template, index);
        var length = Encoding.Latin1.GetByteCount(text);
        if (length > buffer.Length)
        {
            buffer = new byte[length];
        }
        return buffer.AsSpan(0, Encoding.Latin1.GetBytes(text, buffer));
    }

    /// <summary>Sleeps when more than 2 ms ahead of <paramref name="sent"/> messages at <paramref name="rate"/> per second.</summary>
    private static void Pace(Stopwatch clock, long sent, long rate)
    {
        var due = TimeSpan.FromSeconds((double)sent / rate);
        var ahead = due - clock.Elapsed;
        if (ahead > TimeSpan.FromMilliseconds(2))
        {
            Thread.Sleep(ahead);
        }
    }
}
