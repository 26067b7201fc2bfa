using System.Globalization;
using Statmgr.Earthworm.Logging;
using Statmgr.Status;

namespace Statmgr.Cli;

/// <summary>
/// <c>$EW_LOG/&lt;cfgname&gt;.pid</c> holding <c>&lt;pid&gt;\n</c>: how <c>statmgr --reload</c> finds a statmgr
/// that writes no status file. Written when monitoring starts (whole or not at all, so a reader
/// never sees half a number) and removed at exit, but only while it still names this process: a
/// second statmgr started on the same configuration has the file from then on.
/// </summary>
internal sealed class PidFile : IDisposable
{
    public const string Extension = ".pid";

    private readonly string? _path;
    private readonly int _pid;

    private PidFile(string? path, int pid)
    {
        _path = path;
        _pid = pid;
    }

    /// <summary>Where statmgr running <paramref name="configPath"/> keeps it; null without EW_LOG (logit needs it, so a real run has it).</summary>
    public static string? PathFor(string configPath, Func<string, string?> environment) =>
        StatusFileLocation.BesideTheLog(configPath, Extension, environment);

    /// <summary>Writes the file; a failure is logged once (flags <c>et</c>) and the run goes on without it.</summary>
    public static PidFile Write(string? path, int pid, ILogit log)
    {
        if (path is null)
        {
            return new PidFile(null, pid);
        }
        var temporary = path + ".tmp";
        try
        {
            File.WriteAllText(temporary, pid.ToString(CultureInfo.InvariantCulture) + "\n");
            File.Move(temporary, path, overwrite: true);
            return new PidFile(path, pid);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            log.Write("et", $"statmgr: pid file {path} not written ({ex.Message}); statmgr --reload can find this statmgr only through its status file\n");
            return new PidFile(null, pid);
        }
    }

    /// <summary>The pid the file names, or null with the reason (no file, unreadable, not a pid).</summary>
    public static int? Read(string path, out string problem)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = $"no pid file {path}";
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"pid file {path} cannot be read: {ex.Message}";
            return null;
        }
        if (int.TryParse(text.AsSpan().TrimEnd('\n'), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0)
        {
            problem = "";
            return pid;
        }
        problem = $"pid file {path} does not hold a pid";
        return null;
    }

    /// <summary>Removes the file if it still names this process.</summary>
    public void Dispose()
    {
        if (_path is not null && Read(_path, out _) == _pid)
        {
            TryDelete(_path);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind: a reader checks that the pid is a running statmgr before trusting it.
        }
    }
}
