using System.ComponentModel;
using System.Diagnostics;

namespace Statmgr.EwSupervisor;

/// <summary>
/// One Process line of the supervisor: its command, the running copy (if any) and what the status
/// table says about it. Started directly, never through a shell, with stdin at end of file and
/// stdout/stderr shared with the supervisor, as startstop does.
/// </summary>
internal sealed class ChildProcess(string command) : IDisposable
{
    /// <summary>Environment variable telling a child how many times it has been started (1 = first).</summary>
    public const string StartCountVariable = "EWSUPERVISOR_START_COUNT";

    private Process? _process;

    public string Command { get; } = command;
    public IReadOnlyList<string> Argv { get; } = CommandSplitter.Split(command);
    public string Name => Path.GetFileName(Argv[0]);
    public ChildState State { get; set; } = ChildState.Dead;
    public int StartCount { get; private set; }

    /// <summary>Pid of the current (or last) copy; 0 before the first successful start.</summary>
    public int Pid { get; private set; }

    public bool IsRunning => _process is { } p && !p.HasExited;

    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    public TimeSpan CpuUsed
    {
        get
        {
            try
            {
                return _process is { HasExited: false } p ? p.TotalProcessorTime : TimeSpan.Zero;
            }
            catch (InvalidOperationException)
            {
                return TimeSpan.Zero; // exited between the two calls
            }
        }
    }

    /// <summary>Starts a new copy; returns false (and the reason) when the program cannot be run.</summary>
    public bool Start(out string problem)
    {
        problem = "";
        _process?.Dispose();
        _process = null;
        var info = new ProcessStartInfo(Argv[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            WorkingDirectory = Environment.CurrentDirectory,
        };
        foreach (string arg in Argv.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }
        StartCount++;
        info.Environment[StartCountVariable] = StartCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            _process = Process.Start(info);
        }
        catch (Win32Exception e)
        {
            problem = e.Message;
        }
        if (_process is null)
        {
            State = ChildState.Dead;
            return false;
        }
        _process.StandardInput.Close(); // startstop gives children /dev/null as stdin
        Pid = _process.Id;
        State = ChildState.Alive;
        return true;
    }

    public void Terminate()
    {
        if (IsRunning)
        {
            UnixSignal.Terminate(_process!);
        }
    }

    public void Kill()
    {
        if (IsRunning)
        {
            _process!.Kill();
        }
    }

    public void Dispose() => _process?.Dispose();
}
