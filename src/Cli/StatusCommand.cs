using Statmgr.Status;

namespace Statmgr.Cli;

/// <summary>
/// <c>statmgr --status &lt;configfile&gt; [--json]</c>: loads the configuration as a real start does
/// (writing no log, touching no ring) to find the status file where the running statmgr writes it,
/// and prints what it holds. The first line and the exit status follow the monitoring-plugin
/// convention, so Nagios or Icinga can run the command as a check unchanged: 0 every monitored
/// module alive, 1 one stopped or waiting for a restart, 2 one dead, 3 no usable status file or a
/// statmgr whose last pass is too old. <c>--json</c> prints the file's snapshot as it is instead
/// of the table (with the same exit status; with no snapshot to print, the plugin line goes to stderr).
/// </summary>
internal sealed class StatusCommand
{
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly Func<string, string?> _environment;
    private readonly Func<string, bool> _fileExists;
    private readonly int _processId;
    private readonly TimeProvider _time;

    /// <param name="time">The wall clock the last pass's age is measured on.</param>
    public StatusCommand(TextWriter stdout, TextWriter stderr, Func<string, string?> environment, Func<string, bool> fileExists, int processId, TimeProvider time)
    {
        _stdout = stdout;
        _stderr = stderr;
        _environment = environment;
        _fileExists = fileExists;
        _processId = processId;
        _time = time;
    }

    public int Run(string configPath, bool json)
    {
        var (verdict, text, snapshot) = Look(configPath);
        if (json && text is not null)
        {
            _stdout.Write(text);
            if (!text.EndsWith('\n'))
            {
                _stdout.Write('\n');
            }
        }
        else if (json)
        {
            _stderr.Write(verdict.Line + "\n");
        }
        else
        {
            _stdout.Write(verdict.Line + "\n");
            if (snapshot is not null)
            {
                _stdout.Write(StatusTable.Format(snapshot, _time.GetUtcNow()));
            }
        }
        _stdout.Flush();
        _stderr.Flush();
        return (int)verdict.State;
    }

    private (StatusVerdict Verdict, string? Text, StatusSnapshot? Snapshot) Look(string configPath)
    {
        var result = QuietStartup.Load(configPath, _environment, _fileExists, _processId, out var log);
        if (result is null)
        {
            var why = log.Entries.Count > 0 ? log.Entries[^1].Text.TrimEnd('\n') : "no reason given";
            return (StatusVerdict.Unknown($"configuration {configPath} does not load, so its status file cannot be found: {why}"), null, null);
        }
        var path = StatusFileLocation.Resolve(result.Config, _environment);
        if (path is null)
        {
            return (StatusVerdict.Unknown(result.Config.StatusFile == StatusFileLocation.Off
                ? $"no status file: {configPath} turns it off (StatusFile {StatusFileLocation.Off})"
                : $"no status file: EW_LOG is not set and {configPath} has no StatusFile command"), null, null);
        }
        var read = StatusFileReader.Read(path);
        if (read.Snapshot is null)
        {
            return (StatusVerdict.Unknown(read.Problem!), null, null);
        }
        return (StatusVerdict.Of(read.Snapshot, _time.GetUtcNow()), read.Text, read.Snapshot);
    }
}
