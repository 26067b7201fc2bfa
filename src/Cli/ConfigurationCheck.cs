using Statmgr.Config;
using Statmgr.Earthworm;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Cli;

/// <summary>
/// <c>statmgr --check &lt;configfile&gt;</c>: loads everything a real start loads, touches no ring and
/// writes no log, prints the configuration dump when everything loaded, then every problem as
/// <c>file:line: error|warning: text</c>. Exit status 0 when statmgr would start, 1 when not.
/// </summary>
public sealed class ConfigurationCheck
{
    public const int WouldStart = 0;
    public const int WouldNotStart = 1;

    private readonly TextWriter stdout;
    private readonly Func<string, string?> environment;
    private readonly Func<string, bool> fileExists;
    private readonly int processId;

    public ConfigurationCheck(TextWriter stdout, Func<string, string?> environment, Func<string, bool> fileExists, int processId)
    {
        this.stdout = stdout;
        this.environment = environment;
        this.fileExists = fileExists;
        this.processId = processId;
    }

    public int Run(string configPath)
    {
        // Everything a real start would log stays in memory: --check writes no log.
        var log = new CollectingLogit();
        var problems = new ConfigProblems(log, collectAll: true);
        var startup = new StatmgrStartup(log, environment, problems, fileExists, ProgramVersion.Text);
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

        if (result is not null && !problems.HasErrors)
        {
            stdout.Write(ConfigurationDump.Format(result.Config));
        }
        foreach (var problem in problems.All)
        {
            stdout.Write(problem.ToCheckLine());
            stdout.Write('\n');
        }
        stdout.Flush();
        return problems.HasErrors ? WouldNotStart : WouldStart;
    }
}
