using Statmgr.Config;
using Statmgr.Earthworm;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Cli;

/// <summary>
/// <c>statmgr &lt;configfile&gt;</c>: startup steps 2-13 with the real log (statmgr.md §1.3), then
/// whatever runs the rings from step 14 on.
/// </summary>
public sealed class StartCommand
{
    /// <summary>C's logit line buffer for statmgr (MAXMSG*2).</summary>
    public const int LogBufferSize = 1024;

    private readonly Func<Logit> createLog;
    private readonly Func<string, string?> environment;
    private readonly Func<string, bool> fileExists;
    private readonly int processId;
    private readonly Func<StartupResult, ILogit, int> monitor;

    /// <param name="createLog">The process log, not yet initialised.</param>
    /// <param name="monitor">Startup step 14 onwards; returns the exit status.</param>
    public StartCommand(
        Func<Logit> createLog,
        Func<string, string?> environment,
        Func<string, bool> fileExists,
        int processId,
        Func<StartupResult, ILogit, int> monitor)
    {
        this.createLog = createLog;
        this.environment = environment;
        this.fileExists = fileExists;
        this.processId = processId;
        this.monitor = monitor;
    }

    public int Run(string configPath)
    {
        using var log = createLog();
        try
        {
            // Step 2: the log is named after the config file; disk and console both on.
            log.Init(configPath, LogBufferSize, 1);
            var problems = new ConfigProblems(log, collectAll: false);
            var startup = new StatmgrStartup(log, environment, problems, fileExists, ProgramVersion.Text);
            var result = startup.Run(configPath, processId, logFile => log.Init(configPath, LogBufferSize, logFile));
            // A real start stops at its first problem, so a result is always there.
            return monitor(result!, log);
        }
        catch (EarthwormExitException ex)
        {
            return ex.ExitCode;
        }
    }

    /// <summary>
    /// Step 14 for a build without ring monitoring: says so in the log and stops with the fatal
    /// status, so nobody mistakes a loaded configuration for a running statmgr.
    /// </summary>
    public static int StopBeforeMonitoring(StartupResult result, ILogit log)
    {
        log.Write("et",
            $"statmgr: configuration <{result.Config.ConfigPath}> loaded, but this build cannot attach to <{result.Config.RingName}> or monitor any ring; exiting.\n");
        return ConfigProblems.FatalExitCode;
    }
}
