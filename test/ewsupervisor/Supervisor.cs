using System.Diagnostics;
using System.Globalization;
using System.Text;
using Statmgr.Earthworm.Transport;

namespace Statmgr.EwSupervisor;

/// <summary>
/// The startstop stand-in's main loop: starts the children, beats on the home ring, answers
/// TYPE_REQSTATUS with a TYPE_STATUS text, restarts (TYPE_RESTART) or stops (TYPE_STOP) a child by
/// pid, and stops everything on a TERMINATE flag or SIGTERM. Single-threaded: one pass every 100 ms.
/// </summary>
internal sealed class Supervisor(
    IReadOnlyList<ITransportRing> rings, IReadOnlyList<StatusRing> ringFacts, SupervisorOptions options,
    SupervisorIds ids, TimeProvider time, TextWriter output)
{
    private static readonly TimeSpan Pass = TimeSpan.FromMilliseconds(100);
    private const short ErrStartChild = 1;

    private readonly List<ChildProcess> _children = options.Children.Select(c => new ChildProcess(c)).ToList();
    private readonly List<ChildStopper> _stoppers = [];
    private readonly byte[] _buffer = new byte[4096];
    private readonly DateTimeOffset _startTime = time.GetUtcNow();
    private TimeSpan KillDelay => TimeSpan.FromSeconds(options.KillDelaySeconds);

    public async Task<int> RunAsync(CancellationToken sigterm)
    {
        Logo[] wanted =
        [
            new(ids.Installation, 0, ids.Restart),
            new(ids.Installation, 0, ids.RequestStatus),
            new(ids.Installation, 0, ids.Stop),
        ];
        foreach (var ring in rings)
        {
            ring.Flush(wanted); // requests older than this supervisor are not for it
        }
        foreach (var child in _children)
        {
            StartChild(child, restartOf: null);
        }
        long lastBeat = long.MinValue;
        while (true)
        {
            if (sigterm.IsCancellationRequested)
            {
                await ShutdownAsync("SIGTERM", politeFirst: false).ConfigureAwait(false);
                return 0;
            }
            if (rings.FirstOrDefault(r => r.Flag == RingFlag.Terminate) is { } flagged)
            {
                await ShutdownAsync($"TERMINATE flag in {flagged.Name}", politeFirst: true).ConfigureAwait(false);
                return 0;
            }
            if (options.BeatSeconds > 0
                && (lastBeat == long.MinValue || time.GetElapsedTime(lastBeat) >= TimeSpan.FromSeconds(options.BeatSeconds)))
            {
                lastBeat = time.GetTimestamp();
                Put(rings[0], ids.Heartbeat, string.Create(CultureInfo.InvariantCulture, $"{Epoch()}\n"));
            }
            foreach (var ring in rings)
            {
                ReadRequests(ring, wanted);
            }
            AdvanceStops();
            NoticeExits();
            try
            {
                await Task.Delay(Pass, time, sigterm).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Seen at the top of the loop.
            }
        }
    }

    private void ReadRequests(ITransportRing ring, ReadOnlySpan<Logo> wanted)
    {
        while (true)
        {
            GetStatus status = ring.GetMessage(wanted, _buffer, out Logo logo, out int length);
            if (status == GetStatus.None)
            {
                return;
            }
            if (status is GetStatus.TooBig or GetStatus.Corrupt)
            {
                Say($"{ring.Name}: skipped a message ({status})");
                continue;
            }
            ReadOnlySpan<byte> body = _buffer.AsSpan(0, length);
            if (logo.Type == ids.RequestStatus)
            {
                string text = StatusText.Format(Snapshot());
                PutStatus put = ring.Put(new Logo(ids.Installation, ids.Module, ids.Status), Encoding.ASCII.GetBytes(text));
                Say($"status request on {ring.Name} from inst {logo.Installation} mod {logo.Module}: "
                    + (put == PutStatus.Ok ? $"answered with {text.Length} bytes" : $"answer NOT put: {put}"));
            }
            else if (logo.Type == ids.Restart || logo.Type == ids.Stop)
            {
                StopRequest(ring, logo, LeadingInteger.Parse(body), restart: logo.Type == ids.Restart);
            }
        }
    }

    private void StopRequest(ITransportRing ring, Logo from, int pid, bool restart)
    {
        string verb = restart ? "restart" : "stop";
        Say($"{verb} request on {ring.Name} from inst {from.Installation} mod {from.Module} for pid {pid}");
        ChildProcess? child = _children.FirstOrDefault(c => c.StartCount > 0 && c.Pid == pid);
        if (child is null)
        {
            ReportError($"Cannot {verb} pid={pid}; it is not my child!\n");
            return;
        }
        if (_stoppers.Any(s => s.Child == child))
        {
            Say($"{child.Name} (pid={pid}) is already being stopped");
            return;
        }
        if (child.IsRunning)
        {
            foreach (var r in rings)
            {
                r.SetFlag(pid); // the old-style stop flag: a module exits when it sees its own pid
            }
        }
        child.State = restart ? ChildState.Restarting : ChildState.Stop;
        _stoppers.Add(new ChildStopper(child, restart, KillDelay, time.GetTimestamp()));
    }

    private void AdvanceStops()
    {
        for (int i = _stoppers.Count - 1; i >= 0; i--)
        {
            ChildStopper stopper = _stoppers[i];
            if (!stopper.Step(time, Say))
            {
                continue;
            }
            _stoppers.RemoveAt(i);
            if (stopper.RestartAfterwards)
            {
                StartChild(stopper.Child, restartOf: stopper.OldPid);
            }
            else
            {
                stopper.Child.State = ChildState.Stop;
                Say($"stopped {stopper.Child.Name} pid {stopper.OldPid}");
            }
        }
    }

    private void NoticeExits()
    {
        foreach (var child in _children)
        {
            if (child.State == ChildState.Alive && !child.IsRunning && _stoppers.All(s => s.Child != child))
            {
                child.State = ChildState.Dead;
                Say($"{child.Name} pid {child.Pid} exited with status {child.ExitCode}");
            }
        }
    }

    private void StartChild(ChildProcess child, int? restartOf)
    {
        if (child.Start(out string problem))
        {
            Say(restartOf is int old
                ? $"restarted {child.Name} old pid {old} new pid {child.Pid}"
                : $"started {child.Name} pid {child.Pid}: {child.Command}");
            return;
        }
        Say($"cannot start {child.Command}: {problem}");
        ReportError(restartOf is null ? $"fork failed; cannot start {child.Name}\n" : $"execvp failed; cannot restart {child.Name}\n");
    }

    private async Task ShutdownAsync(string why, bool politeFirst)
    {
        Say($"{why}: stopping children");
        if (!politeFirst)
        {
            _children.ForEach(c => c.Terminate());
        }
        long since = time.GetTimestamp();
        while (_children.Any(c => c.IsRunning) && time.GetElapsedTime(since) < KillDelay)
        {
            await Task.Delay(Pass, time).ConfigureAwait(false);
        }
        if (politeFirst && _children.Any(c => c.IsRunning))
        {
            _children.ForEach(c => c.Terminate());
            since = time.GetTimestamp();
            while (_children.Any(c => c.IsRunning) && time.GetElapsedTime(since) < TimeSpan.FromSeconds(2))
            {
                await Task.Delay(Pass, time).ConfigureAwait(false);
            }
        }
        foreach (var child in _children.Where(c => c.IsRunning))
        {
            Say($"killing {child.Name} pid {child.Pid}");
            child.Kill();
        }
        NoticeExits();
        _children.ForEach(c => c.Dispose());
        Say("stopped");
    }

    /// <summary>startstop's ReportError: TYPE_ERROR "&lt;time&gt; 1 &lt;text&gt;\n" on the home ring (texts ending in \n give two).</summary>
    private void ReportError(string text)
    {
        Say(text.TrimEnd('\n'));
        Put(rings[0], ids.Error, string.Create(CultureInfo.InvariantCulture, $"{Epoch()} {ErrStartChild} {text}\n"));
    }

    private void Put(ITransportRing ring, byte type, string text)
    {
        PutStatus put = ring.Put(new Logo(ids.Installation, ids.Module, type), Encoding.ASCII.GetBytes(text));
        if (put != PutStatus.Ok)
        {
            Say($"put on {ring.Name} failed: {put}");
        }
    }

    private StatusSnapshot Snapshot()
    {
        using var self = Process.GetCurrentProcess();
        return new StatusSnapshot
        {
            PointerBits = IntPtr.Size * 8,
            HostName = HostFacts.HostName,
            OsName = HostFacts.OsName,
            OsRelease = HostFacts.OsRelease,
            StartTime = _startTime,
            CurrentTime = time.GetUtcNow(),
            DiskAvailKb = HostFacts.DiskAvailKb(),
            Rings = ringFacts,
            LogDir = Environment.GetEnvironmentVariable("EW_LOG") ?? "",
            ParamsDir = Environment.GetEnvironmentVariable("EW_PARAMS") ?? "",
            BinDir = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory),
            Version = $"ewsupervisor stand-in ({IntPtr.Size * 8} bit)",
            ParentName = "ewsupervisor",
            ParentPid = Environment.ProcessId,
            ParentCpuUsed = self.TotalProcessorTime,
            ParentArgument = options.ConfigName,
            Children = _children
                .Select(c => new StatusChildRow(c.Name, c.Pid, c.State, c.CpuUsed, c.Argv.Skip(1).ToList()))
                .ToList(),
        };
    }

    private long Epoch() => time.GetUtcNow().ToUnixTimeSeconds();

    private void Say(string line)
    {
        output.WriteLine("ewsupervisor: " + line);
        output.Flush();
    }
}
