using Statmgr.Config;
using Statmgr.Earthworm;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Cli;

/// <summary>
/// <c>statmgr &lt;configfile&gt;</c>: C's startup with the real log, from opening the log to the
/// own-descriptor check, then whatever runs the rings from attaching the first one on.
/// </summary>
internal sealed class StartCommand
{
    /// <summary>C's logit line buffer for statmgr (MAXMSG*2).</summary>
    public const int LogBufferSize = 1024;

    private readonly Func<Logit> _createLog;
    private readonly Func<string, string?> _environment;
    private readonly Func<string, bool> _fileExists;
    private readonly int _processId;
    private readonly Func<StartupResult, Logit, int> _monitor;

    /// <param name="createLog">The process log, not yet initialised.</param>
    /// <param name="monitor">Everything from attaching the ring on; returns the exit status.</param>
    public StartCommand(
        Func<Logit> createLog,
        Func<string, string?> environment,
        Func<string, bool> fileExists,
        int processId,
        Func<StartupResult, Logit, int> monitor)
    {
        _createLog = createLog;
        _environment = environment;
        _fileExists = fileExists;
        _processId = processId;
        _monitor = monitor;
    }

    public int Run(string configPath)
    {
        using var log = _createLog();
        try
        {
            // As in C, the log is named after the config file; disk and console both on.
            log.Init(configPath, LogBufferSize, 1);
            var problems = new ConfigProblems(log, collectAll: false);
            var startup = new StatmgrStartup(log, _environment, problems, _fileExists, ProgramVersion.Text);
            var result = startup.Run(configPath, _processId, logFile => log.Init(configPath, LogBufferSize, logFile));
            // A real start stops at its first problem, so a result is always there.
            return _monitor(result!, log);
        }
        catch (EarthwormExitException ex)
        {
            return ex.ExitCode;
        }
    }
}
