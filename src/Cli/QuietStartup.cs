using Statmgr.Config;
using Statmgr.Earthworm;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Cli;

/// <summary>
/// A real start's loading of the configuration, stopping at the first error as a start does, for
/// the commands that only read it (<c>--test-mail</c>, <c>--status</c>): what the start would have
/// logged is kept in memory, so they write no log and touch no ring.
/// </summary>
internal static class QuietStartup
{
    /// <summary>The loaded configuration, or null when a start would have stopped; <paramref name="log"/> says why.</summary>
    public static StartupResult? Load(string configPath, Func<string, string?> environment, Func<string, bool> fileExists, int processId, out CollectingLogit log)
    {
        log = new CollectingLogit();
        var problems = new ConfigProblems(log, collectAll: false);
        try
        {
            return new StatmgrStartup(log, environment, problems, fileExists, ProgramVersion.Text).Run(configPath, processId);
        }
        catch (EarthwormExitException)
        {
            return null;
        }
    }
}
