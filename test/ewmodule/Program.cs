using System.Globalization;
using System.Text;
using Statmgr.Earthworm.Transport;

namespace Statmgr.EwModule;

/// <summary>
/// ewmodule KEY INST MOD HEARTBEAT_TYPE INTERVAL_MS DURATION_MS: behaves like an Earthworm module
/// as statmgr sees it. It puts <c>"&lt;time&gt; &lt;pid&gt;\n"</c> heartbeats with its own pid and the current
/// time on the ring with that key, the first at once and then every INTERVAL_MS, and exits after
/// DURATION_MS (its heartbeats stop, as when a module dies). Prints "pid N" first. Exit 0, or 1
/// with a reason on stderr.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 6)
        {
            Console.Error.WriteLine("usage: ewmodule KEY INST MOD HEARTBEAT_TYPE INTERVAL_MS DURATION_MS");
            return 1;
        }
        try
        {
            long key = long.Parse(args[0], CultureInfo.InvariantCulture);
            var logo = new Logo(byte.Parse(args[1], CultureInfo.InvariantCulture), byte.Parse(args[2], CultureInfo.InvariantCulture),
                byte.Parse(args[3], CultureInfo.InvariantCulture));
            var interval = TimeSpan.FromMilliseconds(int.Parse(args[4], CultureInfo.InvariantCulture));
            var duration = TimeSpan.FromMilliseconds(int.Parse(args[5], CultureInfo.InvariantCulture));
            int pid = Environment.ProcessId;
            Console.Out.WriteLine($"pid {pid}");
            Console.Out.Flush();

            using var ring = SystemVRing.Attach("RING", key);
            var end = DateTime.UtcNow + duration;
            while (true)
            {
                long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                var status = ring.Put(logo, Encoding.ASCII.GetBytes($"{now} {pid}\n"));
                if (status != PutStatus.Ok)
                {
                    Console.Error.WriteLine($"ewmodule: put failed: {status} {ring.LastProblem}");
                    return 1;
                }
                var left = end - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    return 0;
                }
                Thread.Sleep(left < interval ? left : interval);
                if (DateTime.UtcNow >= end)
                {
                    return 0;
                }
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or TransportRingException)
        {
            Console.Error.WriteLine($"ewmodule: {e.Message}");
            return 1;
        }
    }
}
