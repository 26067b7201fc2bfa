using Statmgr.Earthworm.Kom;
using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Tables;

namespace Statmgr.Config;

/// <summary>
/// Reads one descriptor (.desc) file the way <c>statmgr_getdf</c> does, including the order in
/// which commands are tried (it decides what a pending <c>text:</c> line may be), then derives the
/// heartbeat rule from the module's .d file.
/// </summary>
internal sealed class DescriptorReader
{
    private const string HeartbeatLayout = "tsec: %d page: %d mail: %d";
    private const string ErrorLayout = "err: %hd nerr: %d tsec: %d page: %d mail: %d";

    private readonly CommandFileReader _kom;
    private readonly EarthwormTables _tables;
    private readonly ConfigProblems _problems;
    private readonly ILogit _log;
    private readonly ModuleHeartbeatReader _heartbeats;
    private readonly string _systemName;

    /// <param name="systemName">SYS_NAME, used when a descriptor has no <c>system</c> line.</param>
    public DescriptorReader(
        CommandFileReader kom,
        EarthwormTables tables,
        ConfigProblems problems,
        ILogit log,
        ModuleHeartbeatReader heartbeats,
        string systemName)
    {
        _kom = kom;
        _tables = tables;
        _problems = problems;
        _log = log;
        _heartbeats = heartbeats;
        _systemName = CutSystemName(systemName);
    }

    /// <summary>
    /// Loads the descriptor at <paramref name="path"/> (as written, relative to the working
    /// directory). <paramref name="loadedAt"/> is its Descriptor line. Returns null only when the
    /// file could not be opened (and <c>--check</c> goes on).
    /// </summary>
    public Descriptor? Read(string path, ConfigLocation loadedAt)
    {
        var openBefore = _kom.OpenFileCount;
        if (!KomFiles.TryOpen(_kom, path))
        {
            _problems.Error(loadedAt, $"statmgr: Error opening descriptor file <{path}>{_kom.OpenFailureDetail}; exiting.\n");
            return null;
        }

        var state = new ParseState(new Descriptor { Path = path });
        while (_kom.OpenFileCount > openBefore)
        {
            while (_kom.ReadLine() > 0)
            {
                ReadLine(path, state);
            }
            _kom.Close();
        }
        Finish(path, loadedAt, state);
        return state.Descriptor;
    }

    private void ReadLine(string path, ParseState state)
    {
        var com = _kom.NextToken();
        if (com is null || com.StartsWith('#'))
        {
            return;
        }
        var at = KomFiles.Here(_kom, path);
        if (com.StartsWith('@'))
        {
            if (!KomFiles.TryOpen(_kom, com[1..]))
            {
                _problems.Error(at, $"statmgr: Error opening command file <{com[1..]}>{_kom.OpenFailureDetail}; exiting.\n");
            }
            return;
        }
        if (!ReadCommand(com, path, at, state))
        {
            return;
        }
        if (_kom.TakeError() != KomError.None)
        {
            _problems.Error(at, $"statmgr: Bad <{com}> command in descfile <{path}>; exiting.\n");
        }
    }

    /// <summary>
    /// Handles one command. Returns false when the line is finished without the kom error check
    /// (unknown commands, and lines whose own error was already reported).
    /// </summary>
    private bool ReadCommand(string com, string path, ConfigLocation at, ParseState state)
    {
        var desc = state.Descriptor;
        if (AlertPolicyCommands.IsDescriptorCommand(com))
        {
            return ReadPolicy(com, path, at, desc);
        }
        switch (com)
        {
            case "modName":
            {
                var name = _kom.NextToken();
                if (name is not null)
                {
                    desc.ModName = name;
                }
                state.HasModName = true;
                return true;
            }
            case "system":
            {
                var name = _kom.NextToken();
                if (name is not null)
                {
                    desc.SysName = CutSystemName(name);
                }
                state.HasSystem = true;
                return true;
            }
            case "modId":
                return ReadModId(path, at, state);
            case "instId":
            {
                var name = _kom.NextToken();
                state.HasInstId = true;
                if (name is not null)
                {
                    desc.InstIdName = name;
                    if (_tables.GetInst(name, out var inst) < 0)
                    {
                        _problems.Error(at, $"statmgr: Invalid installation name <{name}> in descfile <{path}>; exiting.\n");
                        return false;
                    }
                    desc.InstId = inst;
                }
                return true;
            }
            case "tsec:":
                return ReadHeartbeatLine(path, at, state);
            case "pagegroup":
                return ReadRecipient("pagegroup", desc.PageGroups, path, at);
            case "mail":
                return ReadRecipient("mail", desc.MailRecipients, path, at);
            case "restartMe":
                desc.RestartMe = true;
                return true;
        }

        if (state.PendingError is null && com == "err:")
        {
            return ReadErrorLine(path, at, state);
        }
        if (state.PendingError is not null)
        {
            return ReadErrorText(com, path, at, state);
        }

        _problems.Warning(at, "e", $"statmgr: <{com}> unknown command in descfile <{path}>.\n");
        return false;
    }

    private bool ReadPolicy(string com, string path, ConfigLocation at, Descriptor desc)
    {
        if (AlertPolicyCommands.Read(_kom, com, $"descfile <{path}>", desc.Policy) is { } problem)
        {
            _problems.Error(at, problem);
            return false;
        }
        return true;
    }

    private bool ReadModId(string path, ConfigLocation at, ParseState state)
    {
        var name = _kom.NextToken();
        state.HasModId = true;
        if (name is null)
        {
            // C prints a misleading "modId <(null)> ... too long" here; the port names the real
            // problem with the usual bad-command text (B8).
            _kom.TakeError();
            _problems.Error(at, $"statmgr: Bad <modId> command in descfile <{path}>; exiting.\n");
            return false;
        }
        // Any name earthworm.d can hold (up to 32 characters) is looked up; C turned names of
        // 30-32 characters into module id 0 without a word (B8).
        state.Descriptor.ModIdName = name;
        if (_tables.GetModId(name, out var id) < 0)
        {
            _problems.Error(at, $"statmgr: Invalid modId name <{name}> in descfile <{path}>; exiting.\n");
            return false;
        }
        state.Descriptor.ModId = id;
        return true;
    }

    private bool ReadHeartbeatLine(string path, ConfigLocation at, ParseState state)
    {
        state.HasTsec = true;
        state.TsecAt = at;
        Span<long> values = stackalloc long[3];
        // C scans from column 1, so an indented line fails there (fatal); its meaning is plain, so the port accepts it (B31).
        if (FixedLayoutScanner.Scan(_kom.Line.AsSpan().TrimStart(' '), HeartbeatLayout, values) < 3)
        {
            _problems.Error(at, $"statmgr: error decoding heartbeat from descfile <{path}>; exiting.\n");
            return false;
        }
        state.Descriptor.HeartbeatTsec = unchecked((int)values[0]);
        state.Descriptor.HeartbeatPage = unchecked((int)values[1]);
        state.Descriptor.HeartbeatMail = unchecked((int)values[2]);
        return true;
    }

    private bool ReadRecipient(string command, List<string> list, string path, ConfigLocation at)
    {
        if (list.Count >= StatmgrLimits.MaxRecipients)
        {
            _problems.Error(at,
                $"statmgr: Too many <{command}> commands in Descriptor <{path}>; max={StatmgrLimits.MaxRecipients}; exiting.\n");
            return false;
        }
        var value = _kom.NextToken();
        if (value is null)
        {
            _problems.Error(at, $"statmgr: No argument for <{command}> command in Descriptor <{path}>; exiting.\n");
            return false;
        }
        if (value.Length == 0 || value.Length > StatmgrLimits.MaxRecipientLength)
        {
            _problems.Error(at,
                $"statmgr: Invalid length={value.Length} for <{command}> argument in Descriptor <{path}>; valid=1-{StatmgrLimits.MaxRecipientLength}; exiting.\n");
            return false;
        }
        if (StatmgrLimits.IsOptionLike(command, value))
        {
            _problems.Error(at, ("et", $"statmgr: Invalid <{command}> argument <{value}> in Descriptor <{path}>; {StatmgrLimits.OptionLikeRule}; exiting.\n"));
            return false;
        }
        list.Add(value);
        return true;
    }

    private bool ReadErrorLine(string path, ConfigLocation at, ParseState state)
    {
        var pending = new PendingErrorRule(at);
        state.PendingError = pending;
        if (state.Descriptor.Errors.Count >= StatmgrLimits.MaxErrorRules)
        {
            // The entry is not kept; its text: line is still consumed so --check reports nothing twice.
            pending.Discard = true;
            _problems.Error(at,
                $"statmgr: too many error types in descfile <{path}>; MAXERR={StatmgrLimits.MaxErrorRules}; exiting.\n");
            return false;
        }
        Span<long> values = stackalloc long[5];
        // Indented err: lines are accepted too (B31).
        if (FixedLayoutScanner.Scan(_kom.Line.AsSpan().TrimStart(' '), ErrorLayout, values) < 5)
        {
            pending.Discard = true;
            _problems.Error(at, $"statmgr: error decoding error-handling line from descfile <{path}>; exiting.\n");
            return false;
        }
        pending.Number = unchecked((short)values[0]);
        pending.Nerr = unchecked((int)values[1]);
        pending.Tsec = unchecked((int)values[2]);
        pending.Page = unchecked((int)values[3]);
        pending.Mail = unchecked((int)values[4]);
        return true;
    }

    private bool ReadErrorText(string com, string path, ConfigLocation at, ParseState state)
    {
        var pending = state.PendingError!;
        state.PendingError = null;
        if (com != "text:")
        {
            _problems.Error(at, $"statmgr: no text line for err: {pending.Number} in <{path}>; exiting.\n");
            // --check goes on: the line is read again as the command it is.
            return ReadCommand(com, path, at, state);
        }
        var text = _kom.NextToken() ?? string.Empty;
        if (!pending.Discard)
        {
            state.Descriptor.Errors.Add(new ErrorRule(pending.Number, pending.Nerr, pending.Tsec, pending.Page, pending.Mail, text));
        }
        return true;
    }

    private void Finish(string path, ConfigLocation loadedAt, ParseState state)
    {
        var desc = state.Descriptor;
        if (state.PendingError is { Discard: false } dropped)
        {
            // C drops a trailing err: without text: silently; the port says so (B24).
            _problems.Warning(dropped.At, "et",
                $"statmgr: err: {dropped.Number} in descfile <{path}> has no text: line; the entry is ignored\n");
        }

        if (!state.HasSystem)
        {
            desc.SysName = _systemName;
        }

        var moduleConfig = path.Length >= 3 ? path[..^3] : string.Empty;
        int send;
        if (IsExemptFromModuleConfig(path))
        {
            send = ModuleHeartbeatReader.NotRead;
        }
        else if (path.Length < 3)
        {
            // C underflows here (B18); the port names the problem and reads no .d file.
            _problems.Warning(loadedAt, "et",
                $"statmgr: descriptor path <{path}> is too short to name its .d file; no heartbeat interval read from it\n");
            send = ModuleHeartbeatReader.NotRead;
        }
        else
        {
            send = _heartbeats.Read(moduleConfig, path, loadedAt);
        }
        desc.HeartbeatSendInterval = send;

        if (!state.HasTsec)
        {
            // A dead module found this way is logged but never paged or mailed: page and mail stay 0.
            if (send > 0)
            {
                desc.HeartbeatTsec = unchecked(send * 3 / 2);
                _log.Write("t",
                    $"Heartbeat tsec not in <{path}> but found in <{moduleConfig}>, using {send} *3/2 = {desc.HeartbeatTsec}\n");
            }
            else
            {
                desc.HeartbeatTsec = StatmgrLimits.DefaultHeartbeat * 3 / 2;
                _log.Write("t",
                    $"Heartbeat tsec not in <{path}> and can't find in <{moduleConfig}>, using default {StatmgrLimits.DefaultHeartbeat} *3/2 = {desc.HeartbeatTsec}\n");
            }
        }

        // tsec 0 means "not monitored" whatever the .d file says; C made such a module a 5 s
        // one (B4). The +5 only helps a module that is monitored.
        if (send > 0 && desc.HeartbeatTsec > 0 && send >= desc.HeartbeatTsec)
        {
            _problems.Warning(state.TsecAt ?? loadedAt, "e",
                $"WARNING: Heartbeat in .d file <{moduleConfig}> ({send}) is >= heartbeat ({desc.HeartbeatTsec}) in .desc file <{path}>, this will cause statmgr to restart unnecessarily. Setting receive tsec to {desc.HeartbeatTsec}+5\n");
            desc.HeartbeatTsec = unchecked(desc.HeartbeatTsec + 5);
        }
        _log.Write("t", $"Heartbeat setting for {path}: send: {send} receive: {desc.HeartbeatTsec}\n");

        if (!state.HasModName || !state.HasModId || !state.HasInstId)
        {
            var missing = (state.HasModName ? "" : "<modName> ")
                + (state.HasModId ? "" : "<modId> ")
                + (state.HasInstId ? "" : "<instId> ");
            _problems.Error(loadedAt, $"statmgr: ERROR, no {missing}command(s) in descfile <{path}>; exiting.\n");
        }

        if (desc.HeartbeatTsec < 0)
        {
            // C would declare such a module dead on every scan (B25).
            _problems.Error(state.TsecAt ?? loadedAt,
                ("et", $"statmgr: negative heartbeat tsec ({desc.HeartbeatTsec}) in descfile <{path}>; use tsec: 0 for a module that is not monitored; exiting.\n"));
        }
    }

    /// <summary>
    /// statmgr and startstop have no heartbeat interval worth reading from a .d file. C compared
    /// the whole path; the port compares the file name, in any directory (B19).
    /// </summary>
    public static bool IsExemptFromModuleConfig(string path)
    {
        var name = path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
        return name is "statmgr.desc" or "startstop.desc";
    }

    private static string CutSystemName(string name) =>
        name.Length > StatmgrLimits.MaxSystemNameLength ? name[..StatmgrLimits.MaxSystemNameLength] : name;

    private sealed class ParseState(Descriptor descriptor)
    {
        public Descriptor Descriptor { get; } = descriptor;
        public bool HasModName { get; set; }
        public bool HasSystem { get; set; }
        public bool HasModId { get; set; }
        public bool HasInstId { get; set; }
        public bool HasTsec { get; set; }
        public ConfigLocation? TsecAt { get; set; }
        public PendingErrorRule? PendingError { get; set; }
    }

    /// <summary>An err: line waiting for its text: line.</summary>
    private sealed class PendingErrorRule(ConfigLocation at)
    {
        public ConfigLocation At { get; } = at;
        public bool Discard { get; set; }
        public short Number { get; set; }
        public int Nerr { get; set; }
        public int Tsec { get; set; }
        public int Page { get; set; }
        public int Mail { get; set; }
    }
}
