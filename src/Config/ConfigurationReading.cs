using Statmgr.Earthworm;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Config;

/// <summary>
/// One reading of the whole configuration (statmgr.d, every descriptor, the modules' .d files and
/// the Earthworm tables) through the steps a start runs, with every problem collected instead of
/// ending the process, and with nothing written to the log: what a start would have logged (its
/// lines and dump) stays in memory. <c>--check</c> and a reload of the running statmgr both read
/// this way, so both find exactly the problems a start would.
/// </summary>
internal sealed class ConfigurationReading
{
    private ConfigurationReading(StartupResult? result, ConfigProblems problems)
    {
        Result = result;
        Problems = problems;
    }

    /// <summary>What was read; null when the Earthworm tables could not be loaded, so nothing after them could be read.</summary>
    public StartupResult? Result { get; }

    /// <summary>Every problem found, in the order found; more may be added by later checks.</summary>
    public ConfigProblems Problems { get; }

    /// <summary>True when a start with this configuration would run: something was read, and without an error.</summary>
    public bool WouldStart => Result is { OwnDescriptorIndex: >= 0 } && !Problems.HasErrors;

    /// <param name="fileExists">How a module .d file is looked for, as a start looks for it.</param>
    public static ConfigurationReading Read(string configPath, Func<string, string?> environment, Func<string, bool> fileExists, int processId,
        string programVersion)
    {
        var log = new CollectingLogit();
        var problems = new ConfigProblems(log, collectAll: true);
        var startup = new StatmgrStartup(log, environment, problems, fileExists, programVersion);
        StartupResult? result;
        try
        {
            result = startup.Run(configPath, processId);
        }
        catch (EarthwormExitException ex)
        {
            // A library path that ends the process even while problems are collected.
            problems.RecordLoggedError(new ConfigLocation(configPath, 0), ex.Message);
            result = null;
        }
        return new ConfigurationReading(result, problems);
    }
}
