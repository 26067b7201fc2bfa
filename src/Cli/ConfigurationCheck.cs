using Statmgr.Config;
using Statmgr.Monitor;
using Statmgr.Notify.Mail;
using Statmgr.Silences;

namespace Statmgr.Cli;

/// <summary>
/// <c>statmgr --check &lt;configfile&gt;</c>: loads everything a real start loads, touches no ring and
/// writes no log, prints the configuration dump when everything loaded (C's, then the alert
/// policy commands when statmgr.d uses any), then every problem as
/// <c>file:line: error|warning: text</c>. Exit status 0 when statmgr would start, 1 when not.
/// </summary>
internal sealed class ConfigurationCheck
{
    public const int WouldStart = 0;
    public const int WouldNotStart = 1;

    private readonly TextWriter _stdout;
    private readonly Func<string, string?> _environment;
    private readonly Func<string, bool> _fileExists;
    private readonly int _processId;
    private readonly Func<StatmgrConfig, IReadOnlyList<MailCheckProblem>> _checkMail;

    /// <param name="checkMail">
    /// The mail part of the check (servers that do not resolve, unreadable or exposed password files,
    /// missing mail programs), each at its command's line; each is a warning, because none of them
    /// stops statmgr from starting.
    /// </param>
    public ConfigurationCheck(
        TextWriter stdout,
        Func<string, string?> environment,
        Func<string, bool> fileExists,
        int processId,
        Func<StatmgrConfig, IReadOnlyList<MailCheckProblem>> checkMail)
    {
        _stdout = stdout;
        _environment = environment;
        _fileExists = fileExists;
        _processId = processId;
        _checkMail = checkMail;
    }

    public int Run(string configPath)
    {
        var (result, problems) = Inspect(configPath);
        if (result is not null && !problems.HasErrors)
        {
            _stdout.Write(ConfigurationDump.Format(result.Config));
            _stdout.Write(AlertPolicyDump.Format(result.Config));
        }
        WriteProblems(problems, _stdout);
        return problems.HasErrors ? WouldNotStart : WouldStart;
    }

    /// <summary>Each problem as its <c>file:line: error|warning: text</c> line.</summary>
    public static void WriteProblems(ConfigProblems problems, TextWriter to)
    {
        foreach (var problem in problems.All)
        {
            to.Write(problem.ToCheckLine());
            to.Write('\n');
        }
        to.Flush();
    }

    /// <summary>The check itself, printing nothing: what loaded (null when a start would stop) and every problem.</summary>
    public (StartupResult? Result, ConfigProblems Problems) Inspect(string configPath)
    {
        // Everything a real start would log stays in memory: --check writes no log.
        var reading = ConfigurationReading.Read(configPath, _environment, _fileExists, _processId, ProgramVersion.Text);
        var problems = reading.Problems;
        var result = reading.Result;

        if (result is not null)
        {
            foreach (var problem in _checkMail(result.Config))
            {
                problems.RecordLoggedWarning(problem.At, "statmgr: " + problem.Text);
            }
        }

        if (result is not null)
        {
            WarnOfOpenStatusListener(result.Config, problems);
            WarnOfBrokenSilences(result.Config, problems);
        }

        if (result is { OwnDescriptorIndex: >= 0 })
        {
            WarnOfMissingOwnMessages(result.Config.Descriptors[result.OwnDescriptorIndex], problems);
        }

        return (result, problems);
    }

    /// <summary>
    /// StatusListen binds exactly where it says; an address other than loopback is allowed (a
    /// Prometheus server on another host must reach it) but opens the pages to the network.
    /// </summary>
    private static void WarnOfOpenStatusListener(StatmgrConfig config, ConfigProblems problems)
    {
        if (config.StatusListen is not { } at)
        {
            return;
        }
        var address = at.Address.IsIPv4MappedToIPv6 ? at.Address.MapToIPv4() : at.Address;
        if (System.Net.IPAddress.IsLoopback(address))
        {
            return;
        }
        var lines = config.LinesOf("StatusListen");
        problems.RecordLoggedWarning(lines.Count > 0 ? lines[^1] : new ConfigLocation(config.ConfigPath, 0),
            $"statmgr: StatusListen <{at}> is not a loopback address: anyone who can reach it can read the status page, /status.json and /metrics");
    }

    /// <summary>
    /// A silences file statmgr cannot read does not stop it (it keeps the silences it read
    /// before, none at a start), but the operator who edited it by hand should hear of it before
    /// relying on it: at the line the JSON reader names, else line 0.
    /// </summary>
    private void WarnOfBrokenSilences(StatmgrConfig config, ConfigProblems problems)
    {
        if (SilencesFileLocation.Resolve(config, _environment) is not { } path || SilencesFile.Read(path) is not { Document: null } reading)
        {
            return;
        }
        problems.RecordLoggedWarning(new ConfigLocation(path, reading.Line),
            $"statmgr: silences file {path} not read ({reading.Problem}); statmgr would run without its silences");
    }

    /// <summary>
    /// statmgr reports its own start and stop with errors 0 and 1 of its own descriptor. Without
    /// them it still starts, but C then logs "statmgr message 0 not found" and sends no startup
    /// report, or logs "statmgr message 1 not found" and exits 255 when stopped. The missing line
    /// has no line number: the warning is placed at line 0 of the descriptor.
    /// </summary>
    private static void WarnOfMissingOwnMessages(Descriptor own, ConfigProblems problems)
    {
        var at = new ConfigLocation(own.Path, 0);
        if (!own.Errors.Exists(rule => rule.Number == StatmgrError.Startup))
        {
            problems.RecordLoggedWarning(at,
                $"statmgr: no <err: {StatmgrError.Startup}> in statmgr's own descriptor <{own.Path}>: "
                + $"a start logs \"statmgr message {StatmgrError.Startup} not found\" and sends no startup report");
        }
        if (!own.Errors.Exists(rule => rule.Number == StatmgrError.Shutdown))
        {
            problems.RecordLoggedWarning(at,
                $"statmgr: no <err: {StatmgrError.Shutdown}> in statmgr's own descriptor <{own.Path}>: "
                + $"a stop logs \"statmgr message {StatmgrError.Shutdown} not found\" and exits with status 255");
        }
    }
}
