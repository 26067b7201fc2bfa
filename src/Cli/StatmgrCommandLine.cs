using System.CommandLine;
using System.CommandLine.Help;

namespace Statmgr.Cli;

/// <summary>
/// The command line: <c>statmgr &lt;configfile&gt;</c> exactly as C, plus the
/// options <c>--check &lt;configfile&gt;</c>, <c>--test-mail &lt;configfile&gt;</c>,
/// <c>--status &lt;configfile&gt; [--json]</c>, <c>--reload &lt;configfile&gt;</c>, the silence commands
/// (<c>--silence &lt;module|all&gt; &lt;duration&gt; &lt;reason&gt; [configfile]</c>, <c>--silences [configfile]</c>,
/// <c>--unsilence &lt;id|module&gt; [configfile]</c>, whose configfile defaults to <c>statmgr.d</c>),
/// <c>--version</c> and <c>--help</c>. Options are options, so
/// no config file name is ever taken for a verb. Response files (<c>@file</c>) are not expanded:
/// an Earthworm name starting with '@' means something else.
/// </summary>
internal sealed class StatmgrCommandLine
{
    /// <summary>Exit status of a wrong argument count (C <c>return -1</c> from main).</summary>
    public const int UsageExitCode = 255;

    /// <summary>The config file of the silence commands when none is given (the one startstop starts statmgr with).</summary>
    public const string DefaultConfigFile = "statmgr.d";

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly StatmgrCommands _commands;

    public StatmgrCommandLine(TextWriter stdout, TextWriter stderr, StatmgrCommands commands)
    {
        _stdout = stdout;
        _stderr = stderr;
        _commands = commands;
    }

    /// <summary>
    /// C's own command line: one argument that is not an option is the config file, whatever it
    /// looks like ("@x.d" and "[x].d" included), taken without any parser in between.
    /// </summary>
    public static bool IsConfigFileOnly(IReadOnlyList<string> args) => args.Count == 1 && !args[0].StartsWith('-');

    public int Run(IReadOnlyList<string> args)
    {
        if (IsConfigFileOnly(args))
        {
            return _commands.Start(args[0]);
        }

        var configFiles = new Argument<string[]>("configfile")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "statmgr.d, the statmgr configuration file (relative names are taken from the working directory, which is EW_PARAMS under startstop).",
        };
        var checkOption = new Option<string>("--check")
        {
            HelpName = "configfile",
            Description = "Load the configuration, every descriptor and the Earthworm tables as a real start would, touching no ring and writing no log; print the configuration dump, then every problem as file:line: error|warning: text. Exit status 0 if statmgr would start, 1 if not.",
        };
        var testMailOption = new Option<string>("--test-mail")
        {
            HelpName = "configfile",
            Description = "Load the configuration and mail \"statmgr test message from <SYS_NAME> at <UTC time>\" to every recipient of statmgr.d and of every descriptor through the configured path; print one line per delivery. Exit status 0 only if every delivery succeeded.",
        };
        var statusOption = new Option<string>("--status")
        {
            HelpName = "configfile",
            Description = "Print the status file the running statmgr writes for this configuration: one line per module with its state, heartbeat age/tsec, pid, restarts and the page and mail limits used up. The first line and the exit status are a monitoring plugin's (Nagios, Icinga): 0 every monitored module alive, 1 a module stopped or a restart pending, 2 a module dead, 3 no status file or statmgr's last pass more than 10 s old.",
        };
        var jsonOption = new Option<bool>("--json")
        {
            Description = "With --status: print the status file's snapshot (JSON) instead of the table; the exit status is the same.",
        };
        var reloadOption = new Option<string>("--reload")
        {
            HelpName = "configfile",
            Description = "Run --check on the configuration; if statmgr would start with it, send SIGHUP to the statmgr running it (pid from the status file, else from the pid file next to the log), wait for its \"reload done\" or \"reload refused\" line and print it. Exit status 0 when the reload was done, 1 when not.",
        };
        var silenceOption = new Option<string[]>("--silence")
        {
            HelpName = "module|all> <duration> <reason",
            Arity = new ArgumentArity(3, 3),
            AllowMultipleArgumentsPerToken = true,
            Description = "Silence a module (its descriptor's modName), or every module but statmgr itself, for a duration such as 90s, 30m, 2h, 1d or 1h30m: its reports are logged with the silence named, but not paged or mailed. The reason is kept with your user name in the silences file next to the status file. The configfile defaults to statmgr.d.",
        };
        var silencesOption = new Option<bool>("--silences")
        {
            Description = "List the silences in force: id, module, until, author, reason. The configfile defaults to statmgr.d.",
        };
        var unsilenceOption = new Option<string>("--unsilence")
        {
            HelpName = "id|module",
            Description = "End a silence early: the one with that id, or every silence of that module. The configfile defaults to statmgr.d.",
        };
        var versionOption = new Option<bool>("--version")
        {
            Description = "Print the statmgr version.",
        };

        var root = new RootCommand("statmgr: the Earthworm status manager. Watches module heartbeats and errors on the transport rings, and pages and mails about them.");
        // Replace the library's version option (which prints the assembly version) with C's text.
        for (var i = root.Options.Count - 1; i >= 0; i--)
        {
            if (root.Options[i] is VersionOption)
            {
                root.Options.RemoveAt(i);
            }
            else if (root.Options[i] is HelpOption help)
            {
                help.Description = "Show this help.";
            }
        }
        root.Directives.Clear();
        root.Arguments.Add(configFiles);
        root.Options.Add(checkOption);
        root.Options.Add(testMailOption);
        root.Options.Add(statusOption);
        root.Options.Add(jsonOption);
        root.Options.Add(reloadOption);
        root.Options.Add(silenceOption);
        root.Options.Add(silencesOption);
        root.Options.Add(unsilenceOption);
        root.Options.Add(versionOption);

        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                _stderr.Write($"statmgr: {error.Message}\n");
            }
            return Usage();
        }

        var exit = UsageExitCode;
        root.SetAction(result =>
        {
            var files = result.GetValue(configFiles) ?? [];
            var checkFile = result.GetValue(checkOption);
            var testMailFile = result.GetValue(testMailOption);
            var statusFile = result.GetValue(statusOption);
            var json = result.GetValue(jsonOption);
            var reloadFile = result.GetValue(reloadOption);
            // An array option not given reads as empty, not null.
            var silence = result.GetValue(silenceOption) is { Length: > 0 } given ? given : null;
            var listSilences = result.GetValue(silencesOption);
            var unsilence = result.GetValue(unsilenceOption);
            var version = result.GetValue(versionOption);
            var modes = (version ? 1 : 0) + (checkFile is null ? 0 : 1) + (testMailFile is null ? 0 : 1) + (statusFile is null ? 0 : 1)
                + (reloadFile is null ? 0 : 1) + (silence is null ? 0 : 1) + (listSilences ? 1 : 0) + (unsilence is null ? 0 : 1);
            // The silence commands name their config file last, or not at all.
            var silenceConfig = files.Length == 0 ? DefaultConfigFile : files.Length == 1 ? files[0] : null;
            if (json && statusFile is null)
            {
                // --json belongs to --status alone.
                exit = Usage();
            }
            else if (version && modes == 1 && files.Length == 0)
            {
                _stdout.Write($"statmgr version {ProgramVersion.Text}\n");
                exit = 0;
            }
            else if (checkFile is not null && modes == 1 && files.Length == 0)
            {
                exit = _commands.Check(checkFile);
            }
            else if (testMailFile is not null && modes == 1 && files.Length == 0)
            {
                exit = _commands.TestMail(testMailFile);
            }
            else if (statusFile is not null && modes == 1 && files.Length == 0)
            {
                exit = _commands.Status(statusFile, json);
            }
            else if (reloadFile is not null && modes == 1 && files.Length == 0)
            {
                exit = _commands.Reload(reloadFile);
            }
            else if (silence is [var module, var duration, var reason] && modes == 1 && silenceConfig is not null)
            {
                exit = _commands.Silence(module, duration, reason, silenceConfig);
            }
            else if (listSilences && modes == 1 && silenceConfig is not null)
            {
                exit = _commands.ListSilences(silenceConfig);
            }
            else if (unsilence is not null && modes == 1 && silenceConfig is not null)
            {
                exit = _commands.Unsilence(unsilence, silenceConfig);
            }
            else if (modes == 0 && files.Length == 1)
            {
                exit = _commands.Start(files[0]);
            }
            else
            {
                exit = Usage();
            }
        });

        var invoked = parse.Invoke(new InvocationConfiguration
        {
            Output = _stdout,
            Error = _stderr,
            EnableDefaultExceptionHandler = false,
        });
        // The help action returns its own status and never runs the root action.
        return parse.Action is HelpAction ? invoked : exit;
    }

    /// <summary>C's two usage lines, on stderr as C writes them before logit exists.</summary>
    private int Usage()
    {
        _stderr.Write("Usage: statmgr <configfile>\n");
        _stderr.Write($"Version: {ProgramVersion.Text}\n");
        _stderr.Flush();
        return UsageExitCode;
    }
}

/// <summary>What each command of the command line runs; each returns the process exit status.</summary>
/// <param name="Start">statmgr on a config file.</param>
/// <param name="Check"><c>--check</c> on a config file.</param>
/// <param name="TestMail"><c>--test-mail</c> on a config file.</param>
/// <param name="Status"><c>--status</c> on a config file, as JSON when the flag is set.</param>
/// <param name="Reload"><c>--reload</c> on a config file.</param>
/// <param name="Silence"><c>--silence</c>: module (or <c>all</c>), duration, reason, config file.</param>
/// <param name="ListSilences"><c>--silences</c> on a config file.</param>
/// <param name="Unsilence"><c>--unsilence</c>: id or module, config file.</param>
internal sealed record StatmgrCommands(
    Func<string, int> Start,
    Func<string, int> Check,
    Func<string, int> TestMail,
    Func<string, bool, int> Status,
    Func<string, int> Reload,
    Func<string, string, string, string, int> Silence,
    Func<string, int> ListSilences,
    Func<string, string, int> Unsilence);

/// <summary>The version text C statmgr prints; operators grep for it, so it stays C's.</summary>
internal static class ProgramVersion
{
    public const string Text = "2.0.14 - 2017-06-08";
}
