using System.Globalization;
using System.Runtime.InteropServices;
using Statmgr.Status;

namespace Statmgr.Cli;

/// <summary>
/// Finds the statmgr that runs a configuration, for <c>--reload</c>: the pid in its status file
/// when that file exists (the running statmgr keeps it fresh), else the pid in its pid file. A pid
/// from a file may be stale, or taken by another program since, so it is trusted only when that
/// process is alive and its command line names statmgr (the native <c>statmgr</c> or
/// <c>dotnet statmgr.dll</c>); nothing is ever signalled otherwise.
/// </summary>
internal sealed partial class RunningStatmgr
{
    public const string ProgramName = "statmgr";
    public const string AssemblyFileName = "statmgr.dll";

    private readonly Func<string, bool> _fileExists;
    private readonly Func<int, IReadOnlyList<string>?> _commandLine;

    /// <param name="commandLine">A process's arguments, or null when no such process runs.</param>
    public RunningStatmgr(Func<string, bool> fileExists, Func<int, IReadOnlyList<string>?> commandLine)
    {
        _fileExists = fileExists;
        _commandLine = commandLine;
    }

    /// <summary>The statmgr's pid, or null with one line saying why not.</summary>
    public int? Find(string? statusPath, string? pidPath, out string problem)
    {
        int? pid;
        string source;
        if (statusPath is not null && _fileExists(statusPath))
        {
            var read = StatusFileReader.Read(statusPath);
            pid = read.Snapshot?.Statmgr.Pid;
            problem = read.Problem ?? "";
            source = $"status file {statusPath}";
        }
        else if (pidPath is not null)
        {
            pid = PidFile.Read(pidPath, out problem);
            source = $"pid file {pidPath}";
            if (pid is null && statusPath is not null)
            {
                problem = $"no status file {statusPath} and {problem}";
            }
        }
        else
        {
            problem = "neither a status file nor a pid file to find it by (no EW_LOG, no StatusFile)";
            return null;
        }
        if (pid is not { } found)
        {
            problem = $"no running statmgr found: {problem}";
            return null;
        }
        var arguments = _commandLine(found);
        if (arguments is null)
        {
            problem = $"pid {found} from the {source} is not running: statmgr has stopped (or the file is stale)";
            return null;
        }
        if (!NamesStatmgr(arguments))
        {
            problem = $"pid {found} from the {source} is not statmgr ({string.Join(' ', arguments)}): the file is stale";
            return null;
        }
        problem = "";
        return found;
    }

    /// <summary>True for <c>.../statmgr ...</c> and for <c>dotnet [exec] .../statmgr.dll ...</c>.</summary>
    public static bool NamesStatmgr(IReadOnlyList<string> arguments) =>
        arguments.Count > 0 && (Path.GetFileName(arguments[0]) is ProgramName or AssemblyFileName
                                || arguments.Skip(1).Any(argument => Path.GetFileName(argument) == AssemblyFileName));

    /// <summary>Linux: the NUL-separated arguments in <c>/proc/&lt;pid&gt;/cmdline</c>; null when the process is gone.</summary>
    public static IReadOnlyList<string>? ProcCommandLine(int pid)
    {
        try
        {
            var text = File.ReadAllText("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/cmdline");
            return text.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Sends SIGHUP; the error text when it could not be sent.</summary>
    public static string? SendHangup(int pid) =>
        NativeKill(pid, SigHup) == 0 ? null : $"SIGHUP to pid {pid} failed: {Marshal.GetLastPInvokeErrorMessage()}";

    private const int SigHup = 1;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int NativeKill(int pid, int signal);
}
