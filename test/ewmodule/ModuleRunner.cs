using System.Text;
using Statmgr.Earthworm.Transport;

namespace Statmgr.EwModule;

/// <summary>
/// The simulated module's life: heartbeats and errors on one ring at the configured rates, a death
/// on schedule, and an exit when the ring flag says TERMINATE or names this pid, as real modules do.
/// Every action is one flushed line on the output so that a test or the demo can follow it.
/// </summary>
internal sealed class ModuleRunner(
    ITransportRing ring, ModuleOptions options, Logo heartbeatLogo, Logo errorLogo,
    int pid, bool firstStart, TimeProvider time, TextWriter output)
{
    /// <summary>How often the flag and the stop token are looked at between actions.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Every way out is status 0, a scheduled death included: the module did what it was told.</summary>
    public const int ExitNormal = 0;

    public async Task<int> RunAsync(CancellationToken stop)
    {
        long start = time.GetTimestamp();
        TimeSpan nextBeat = TimeSpan.Zero;
        TimeSpan errorInterval = options.ErrorsPerMinute > 0
            ? TimeSpan.FromSeconds(60.0 / options.ErrorsPerMinute) : TimeSpan.MaxValue;
        TimeSpan nextError = errorInterval;
        bool beaten = false;
        TimeSpan? dieAt = options.DieAfterSeconds is double d && (firstStart || !options.DieFirstStartOnly)
            ? TimeSpan.FromSeconds(d) : null;

        Say($"attached {ring.Name} (key {ring.Key}); beat every {options.BeatSeconds} s"
            + (dieAt is null ? "" : $", dying after {dieAt.Value.TotalSeconds} s"));
        while (true)
        {
            if (stop.IsCancellationRequested)
            {
                Say("SIGTERM: exiting");
                return ExitNormal;
            }
            if (options.ExitOnFlag)
            {
                int flag = ring.Flag;
                if (flag == RingFlag.Terminate)
                {
                    Say($"flag TERMINATE on {ring.Name}: exiting");
                    return ExitNormal;
                }
                if (flag == pid)
                {
                    Say($"flag on {ring.Name} is my pid: exiting");
                    return ExitNormal;
                }
            }
            TimeSpan now = time.GetElapsedTime(start);
            // The first heartbeat always goes out, so a module told to die at once still beats once.
            if (dieAt is TimeSpan die && now >= die && beaten)
            {
                Say("dying: no more heartbeats");
                return ExitNormal;
            }
            if (now >= nextBeat)
            {
                beaten = true;
                Send(heartbeatLogo, ModuleMessages.Heartbeat(Epoch(), options.PidInBeat ? pid : null), "heartbeat");
                nextBeat += TimeSpan.FromSeconds(options.BeatSeconds);
            }
            if (now >= nextError)
            {
                Send(errorLogo, ModuleMessages.Error(Epoch(), options.ErrorNumber, options.Note), "error");
                nextError += errorInterval;
            }
            try
            {
                await Task.Delay(Poll, time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Seen at the top of the loop.
            }
        }
    }

    private long Epoch() => time.GetUtcNow().ToUnixTimeSeconds();

    private void Send(Logo logo, string text, string what)
    {
        var status = ring.Put(logo, Encoding.ASCII.GetBytes(text));
        string shown = text.TrimEnd('\n');
        Say(status == PutStatus.Ok ? $"{what} \"{shown}\"" : $"{what} \"{shown}\" NOT put: {status}");
    }

    private void Say(string line)
    {
        output.WriteLine($"ewmodule {options.Module} pid {pid}: {line}");
        output.Flush();
    }
}
