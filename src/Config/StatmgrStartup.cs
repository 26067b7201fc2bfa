using Statmgr.Earthworm;
using Statmgr.Earthworm.Kom;
using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Tables;

namespace Statmgr.Config;

/// <summary>
/// C's startup from SYS_NAME to the own-descriptor check, in C's order (the order decides which
/// fatal error a broken setup reports first): environment, tables, message types, statmgr.d with
/// every descriptor, the log lines and dump that follow, and the own-descriptor check. The caller
/// has checked the arguments and opened the log, and goes on with attaching the ring.
/// A real start stops at the first error (EarthwormExitException, exit 255); <c>--check</c> runs
/// the same steps with problems collected.
/// </summary>
internal sealed class StatmgrStartup
{
    private readonly ILogit _log;
    private readonly Func<string, string?> _environment;
    private readonly ConfigProblems _problems;
    private readonly Func<string, bool> _fileExists;
    private readonly string _programVersion;
    private Action<string> _tableDiagnostics;

    /// <param name="fileExists">How a module .d file is looked for (C's plain fopen), relative to the working directory.</param>
    public StatmgrStartup(
        ILogit log,
        Func<string, string?> environment,
        ConfigProblems problems,
        Func<string, bool> fileExists,
        string programVersion)
    {
        _log = log;
        _environment = environment;
        _problems = problems;
        _fileExists = fileExists;
        _programVersion = programVersion;
        _tableDiagnostics = text => log.Write("e", text);
    }

    /// <summary>
    /// Runs the steps for <paramref name="configPath"/>. <paramref name="applyLogFileSwitch"/> is
    /// the second logit_init, with the LogFile value, which C does right after the startup line. Returns null only when
    /// <c>--check</c> could not load the Earthworm tables, so nothing after them could be checked.
    /// </summary>
    public StartupResult? Run(string configPath, int processId, Action<int>? applyLogFileSwitch = null)
    {
        var unplaced = new ConfigLocation(configPath, 0);

        var systemName = ReadSystemName(unplaced);

        // One reader for every file, as C's kom is process-wide: the tables, statmgr.d, the
        // descriptors and the module .d files all share its five open-file slots.
        CommandFileReader? shared = null;
        using var kom = new CommandFileReader(_environment, text => KomDiagnostic(shared, configPath, text));
        shared = kom;

        var tables = LoadTables(kom, unplaced);
        if (tables is null)
        {
            return null;
        }

        var haveInstallation = ReadLocalInstallation(tables, unplaced, out var installation);
        var types = ResolveMessageTypes(tables, unplaced);

        if (processId == -1)
        {
            _problems.Error(unplaced, "statmgr: Can't get my pid; exiting.\n");
        }

        var config = ReadConfiguration(kom, configPath, tables, systemName);

        _log.Write("", $"statmgr: Read command file <{configPath}>\n");
        // C leaves this line unterminated, so the next entry ran on; the port ends it (B17).
        _log.Write("t", $"statmgr: startup of statmgr version: {_programVersion}\n");

        applyLogFileSwitch?.Invoke(config.LogFile);

        ConfigurationDump.Write(config, _log);
        _log.Write("", "\n       *****  Start Message Log  *****\n");

        var own = -1;
        if (haveInstallation && config.MyModuleIdName.Length > 0 && tables.GetModId(config.MyModuleIdName, out _) == 0)
        {
            own = FindOwnDescriptor(config, installation);
            if (own < 0)
            {
                _problems.Error(unplaced,
                    ("et", "statmgr: Descriptor file of statmgr not loaded; or\n"),
                    ("e", "\tEW_INSTALLATION and instId in statmgr.desc don't match.\n"));
            }
        }

        return new StartupResult(config, tables, types, installation, systemName, processId, own);
    }

    /// <summary>C's LookUpModId for statmgr itself: the first descriptor with its module id and the local installation.</summary>
    public static int FindOwnDescriptor(StatmgrConfig config, byte installation)
    {
        for (var i = 0; i < config.Descriptors.Count; i++)
        {
            var desc = config.Descriptors[i];
            if (desc.ModId == config.MyModuleId && desc.InstId == installation)
            {
                return i;
            }
        }
        return -1;
    }

    private string ReadSystemName(ConfigLocation unplaced)
    {
        var value = _environment("SYS_NAME");
        if (value is null)
        {
            _problems.Error(unplaced, "statmgr: Environment variable SYS_NAME not defined; exiting.\n");
            return string.Empty;
        }
        if (value.Length == 0)
        {
            _problems.Error(unplaced, "statmgr: Environment variable SYS_NAME defined, but has no value; exiting.\n");
        }
        return value;
    }

    private EarthwormTables? LoadTables(CommandFileReader kom, ConfigLocation unplaced)
    {
        var seen = new List<(ConfigLocation At, string Text)>();
        if (_problems.CollectAll)
        {
            // The shared reader names the table line at fault while the diagnostic is given.
            _tableDiagnostics = text =>
            {
                _log.Write("e", text);
                seen.Add((kom.CurrentFile is null ? unplaced : KomFiles.Here(kom, unplaced.File), text));
            };
        }
        try
        {
            var tables = EarthwormTables.Load(_environment("EW_PARAMS"), text => _tableDiagnostics(text), kom);
            foreach (var (at, text) in seen)
            {
                _problems.RecordLoggedWarning(at, text);
            }
            return tables;
        }
        catch (EarthwormExitException ex) when (_problems.CollectAll)
        {
            // getutil wrote its fatal text as a diagnostic before ending the load.
            var reported = false;
            foreach (var (at, text) in seen)
            {
                if (!reported && text == ex.Message)
                {
                    _problems.RecordLoggedError(at, text);
                    reported = true;
                }
                else
                {
                    _problems.RecordLoggedWarning(at, text);
                }
            }
            if (!reported)
            {
                _problems.RecordLoggedError(unplaced, ex.Message);
            }
            return null;
        }
        finally
        {
            // Lookup diagnostics ("GetModId: Invalid module name ...") go to the log as in C; in
            // --check the statmgr error that follows each of them is the problem reported.
            _tableDiagnostics = text => _log.Write("e", text);
        }
    }

    private bool ReadLocalInstallation(EarthwormTables tables, ConfigLocation unplaced, out byte installation)
    {
        if (_problems.CollectAll)
        {
            // Why the installation is unknown is worth showing in --check, not only that it is.
            _tableDiagnostics = text => _problems.Error(unplaced, text);
        }
        var status = tables.GetLocalInst(_environment("EW_INSTALLATION"), out installation);
        _tableDiagnostics = text => _log.Write("e", text);
        if (status != 0)
        {
            _problems.Error(unplaced, "statmgr: error getting local installation id; exiting.\n");
            return false;
        }
        return true;
    }

    private StatusMessageTypes ResolveMessageTypes(EarthwormTables tables, ConfigLocation unplaced)
    {
        byte Resolve(string name)
        {
            if (tables.GetMessageType(name, out var type) != 0)
            {
                _problems.Error(unplaced,
                    $"statmgr: Can't resolve the needed <{name}> from earthworm.d or earthworm_global.d; Make sure this type is there. Exiting.\n");
            }
            return type;
        }

        // C's order: the first missing one is the one reported.
        var heartbeat = Resolve("TYPE_HEARTBEAT");
        var error = Resolve("TYPE_ERROR");
        var page = Resolve("TYPE_PAGE");
        var restart = Resolve("TYPE_RESTART");
        var status = Resolve("TYPE_STATUS");
        var stop = Resolve("TYPE_STOP");
        var reqStatus = Resolve("TYPE_REQSTATUS");
        return new StatusMessageTypes(heartbeat, error, page, restart, status, stop, reqStatus);
    }

    private StatmgrConfig ReadConfiguration(CommandFileReader kom, string configPath, EarthwormTables tables, string systemName)
    {
        var heartbeats = new ModuleHeartbeatReader(kom, _problems, _fileExists);
        var descriptors = new DescriptorReader(kom, tables, _problems, _log, heartbeats, systemName);
        var reader = new StatmgrConfigReader(kom, tables, _problems, descriptors);
        return reader.Read(configPath);
    }

    /// <summary>
    /// kom's own messages go to the log with flags <c>et</c>, as logit_init's hook sends them.
    /// For --check, all but the expansion table's debug line are warnings at the current line.
    /// </summary>
    private void KomDiagnostic(CommandFileReader? kom, string configPath, string text)
    {
        if (_problems.CollectAll && !text.StartsWith("LoadTableEnvVariable(): nfiles", StringComparison.Ordinal))
        {
            var at = kom is null ? new ConfigLocation(configPath, 0) : KomFiles.Here(kom, configPath);
            if (text.StartsWith(CommandFileReader.SkippedExpansionWarning, StringComparison.Ordinal))
            {
                // A --check problem is one line that says "warning:" once: the unexpanded line goes on it.
                _log.Write("et", text);
                _problems.RecordLoggedWarning(at,
                    "skipping variable expansion (env var match not found): "
                    + text[CommandFileReader.SkippedExpansionWarning.Length..].TrimEnd('\r', '\n'));
                return;
            }
            _problems.Warning(at, "et", text);
            return;
        }
        _log.Write("et", text);
    }
}
