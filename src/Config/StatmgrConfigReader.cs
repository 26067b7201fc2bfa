using Statmgr.Earthworm.Kom;
using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Tables;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Config;

/// <summary>
/// Reads statmgr.d (<c>statmgr_config</c>): every command with C's limits and texts, the port's
/// optional commands, and each descriptor at the moment its Descriptor line is read.
/// </summary>
internal sealed class StatmgrConfigReader
{
    private readonly CommandFileReader _kom;
    private readonly EarthwormTables _tables;
    private readonly ConfigProblems _problems;
    private readonly DescriptorReader _descriptors;

    public StatmgrConfigReader(CommandFileReader kom, EarthwormTables tables, ConfigProblems problems, DescriptorReader descriptors)
    {
        _kom = kom;
        _tables = tables;
        _problems = problems;
        _descriptors = descriptors;
    }

    /// <summary>Reads <paramref name="configPath"/> (as given, relative to the working directory) and every file it names.</summary>
    public StatmgrConfig Read(string configPath)
    {
        var state = new ParseState(new StatmgrConfig { ConfigPath = configPath });
        if (!KomFiles.TryOpen(_kom, configPath))
        {
            _problems.Error(new ConfigLocation(configPath, 0), $"statmgr: Error opening command file <{configPath}>{_kom.OpenFailureDetail}; exiting.\n");
            return state.Config;
        }

        while (_kom.OpenFileCount > 0)
        {
            while (_kom.ReadLine() > 0)
            {
                if (_kom.OpenFileCount == 1)
                {
                    state.LastTopLine = _kom.CurrentLineNumber;
                }
                ReadLine(configPath, state);
            }
            _kom.Close();
        }

        CheckRequired(configPath, state);
        // The defaults apply wherever the command stands, before or after the Descriptor lines.
        foreach (var descriptor in state.Config.Descriptors)
        {
            descriptor.Policy.FillFrom(state.Config.PolicyDefaults, descriptor.RestartMe);
        }
        return state.Config;
    }

    private void ReadLine(string configPath, ParseState state)
    {
        var com = _kom.NextToken();
        if (com is null || com.StartsWith('#'))
        {
            return;
        }
        var at = KomFiles.Here(_kom, configPath);
        if (com.StartsWith('@'))
        {
            if (!KomFiles.TryOpen(_kom, com[1..]))
            {
                _problems.Error(at, $"statmgr: Error opening command file <{com[1..]}>{_kom.OpenFailureDetail}; exiting.\n");
            }
            return;
        }
        if (!ReadCommand(com, configPath, at, state))
        {
            return;
        }
        if (_kom.TakeError() != KomError.None)
        {
            _problems.Error(at, $"statmgr: Bad <{com}> command in <{configPath}>; exiting.\n");
        }
    }

    /// <summary>Handles one command; false when the kom error check must be skipped.</summary>
    private bool ReadCommand(string com, string configPath, ConfigLocation at, ParseState state)
    {
        var config = state.Config;
        config.RecordCommand(com, at);
        switch (com)
        {
            case "RingName":
            {
                state.Seen.Add(Required.RingName);
                var name = _kom.NextToken();
                if (name is not null)
                {
                    config.RingName = name;
                    config.RingKey = _tables.GetKey(name);
                    if (config.RingKey == -1)
                    {
                        _problems.Error(at, $"statmgr: Invalid ring name <{name}>; exiting.\n");
                        return false;
                    }
                }
                return true;
            }
            case "heartbeatPageit":
                config.HeartbeatPageit = _kom.NextInt();
                state.Seen.Add(Required.HeartbeatPageit);
                return true;
            case "pagegroup":
                if (!ReadRecipient("pagegroup", config.PageGroups, configPath, at))
                {
                    return false;
                }
                state.Seen.Add(Required.PageGroup);
                return true;
            case "mail":
                return ReadRecipient("mail", config.MailRecipients, configPath, at);
            case "LogFile":
                config.LogFile = _kom.NextInt();
                state.Seen.Add(Required.LogFile);
                return true;
            case "Descriptor":
                return ReadDescriptor(configPath, at, state);
            case "MyModuleId":
            {
                state.Seen.Add(Required.MyModuleId);
                var name = _kom.NextToken();
                if (name is not null)
                {
                    config.MyModuleIdName = name;
                    if (_tables.GetModId(name, out var id) < 0)
                    {
                        _problems.Error(at, $"statmgr: Invalid MyModuleId <{name}> in <{configPath}>; exiting.\n");
                        return false;
                    }
                    config.MyModuleId = id;
                }
                return true;
            }
            case "GetStatusFrom":
                return ReadStatusSource(configPath, at, state);
            case "MailServer":
            {
                var server = _kom.NextToken();
                if (server is not null)
                {
                    if (config.MailServers.Count >= StatmgrLimits.MaxMailServers)
                    {
                        // C's text and flag (w: disk only); the port keeps ten servers, not nine (B10).
                        _problems.Warning(at, "w",
                            $"statmgr: maximum of {StatmgrLimits.MaxMailServers} mail servers allowed; '{server}' ignored\n");
                    }
                    else
                    {
                        config.MailServers.Add(server);
                    }
                }
                return true;
            }
            case "MailProgram":
                if (_kom.NextToken() is { } program)
                {
                    config.MailProgram = program;
                }
                return true;
            case "From":
                if (_kom.NextToken() is { } from)
                {
                    config.From = from;
                }
                return true;
            case "Subject":
                if (_kom.NextToken() is { } subject)
                {
                    config.Subject = subject;
                }
                return true;
            case "MsgPrefix":
                if (_kom.NextToken() is { } prefix)
                {
                    config.MsgPrefix = prefix;
                }
                return true;
            case "MsgSuffix":
                if (_kom.NextToken() is { } suffix)
                {
                    config.MsgSuffix = suffix;
                }
                return true;
            case "CheckAllRings":
                config.CheckAllRings = _kom.NextInt();
                return true;
            case "DontReportUnknownModule":
                config.DontReportUnknownModule = _kom.NextInt();
                return true;
            case "Debug":
                config.Debug = _kom.NextInt();
                return true;
        }
        return ReadPortCommand(com, configPath, at, config);
    }

    /// <summary>The optional commands only the port knows; C statmgr logs them as unknown commands and goes on.</summary>
    private bool ReadPortCommand(string com, string configPath, ConfigLocation at, StatmgrConfig config)
    {
        if (AlertPolicyCommands.IsConfigCommand(com))
        {
            if (AlertPolicyCommands.Read(_kom, com, $"<{configPath}>", config.PolicyDefaults) is { } problem)
            {
                _problems.Error(at, problem);
            }
            return false;
        }
        switch (com)
        {
            case "LegacyMailRouting":
                config.LegacyMailRouting = _kom.NextInt() != 0;
                return true;
            case "SmtpSecurity":
                return ReadChoice<SmtpSecurityMode>("SmtpSecurity", "auto, none, starttls, ssl", TryParseSmtpSecurity, configPath, at, v => config.SmtpSecurity = v);
            case "SmtpUser":
                if (_kom.NextToken() is { } user)
                {
                    config.SmtpUser = user;
                }
                return true;
            case "SmtpPasswordFile":
                if (_kom.NextToken() is { } passwordFile)
                {
                    config.SmtpPasswordFile = passwordFile;
                }
                return true;
            case "SmtpCaFile":
                if (_kom.NextToken() is { } caFile)
                {
                    config.SmtpCaFile = caFile;
                }
                return true;
            case "SmtpTimeout":
                return ReadPositive("SmtpTimeout", "seconds", configPath, at, v => config.SmtpTimeoutSeconds = v);
            case "PageMaxBytes":
                return ReadPositive("PageMaxBytes", "bytes", configPath, at, v => config.PageMaxBytes = v);
            case "LimitWindow":
                return ReadAtLeast("LimitWindow", 0, "0 (limits count for the whole run) or more seconds", configPath, at, v => config.LimitWindowSeconds = v);
            case "HeartbeatSkew":
                return ReadAtLeast("HeartbeatSkew", 0, "0 (no check) or more seconds", configPath, at, v => config.HeartbeatSkewSeconds = v);
            case "HeartbeatClock":
                return ReadChoice<HeartbeatClockMode>("HeartbeatClock", "sender, receive", TryParseHeartbeatClock, configPath, at, v => config.HeartbeatClock = v);
            case "StatusFile":
                if (_kom.NextToken() is { } statusFile)
                {
                    config.StatusFile = statusFile;
                }
                return true;
            case "StatusListen":
            {
                var value = _kom.NextToken();
                if (value is null)
                {
                    return true;
                }
                if (value.StartsWith('['))
                {
                    // kom ends a token that starts with '[' at its ']' and drops the ']', so
                    // "[::1]:9750" comes as "[::1" and ":9750": put the two back together. A
                    // missing port is reported below as an invalid value, not as a kom error.
                    value += "]" + _kom.NextToken();
                    _kom.TakeError();
                }
                // An IP literal and a port only: the listener binds exactly where the line says,
                // never to what a name happens to resolve to.
                if (!System.Net.IPEndPoint.TryParse(value, out var endPoint) || endPoint.Port == 0 || !value.Contains(':', StringComparison.Ordinal)
                    || (endPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !value.StartsWith('[')))
                {
                    _problems.Error(at, ("et",
                        $"statmgr: Invalid <StatusListen> value <{value}> in <{configPath}>; valid=<IP address>:<port>, e.g. 127.0.0.1:9750 or [::1]:9750; exiting.\n"));
                    return false;
                }
                config.StatusListen = endPoint;
                return true;
            }
            case "RingLayout":
                return ReadChoice<RingLayoutChoice>("RingLayout", "auto, lp64, ilp32", TryParseRingLayout, configPath, at, v => config.RingLayout = v);
        }
        _problems.Warning(at, "e", $"statmgr: <{com}> unknown command in <{configPath}>.\n");
        return false;
    }

    private delegate bool ChoiceParser<T>(string value, out T choice);

    /// <summary>A command whose one argument is a word from a fixed list (case-insensitive); anything else is a startup error naming the list.</summary>
    private bool ReadChoice<T>(string command, string valid, ChoiceParser<T> parse, string configPath, ConfigLocation at, Action<T> store)
    {
        var value = _kom.NextToken();
        if (value is null)
        {
            return true;
        }
        if (!parse(value, out var choice))
        {
            _problems.Error(at, ("et",
                $"statmgr: Invalid <{command}> value <{value}> in <{configPath}>; valid={valid}; exiting.\n"));
            return false;
        }
        store(choice);
        return true;
    }

    private bool ReadPositive(string command, string unit, string configPath, ConfigLocation at, Action<int> store) =>
        ReadAtLeast(command, 1, $"1 or more {unit}", configPath, at, store);

    private bool ReadAtLeast(string command, int least, string valid, string configPath, ConfigLocation at, Action<int> store)
    {
        var value = _kom.NextInt();
        if (_kom.TakeError() != KomError.None)
        {
            _problems.Error(at, $"statmgr: Bad <{command}> command in <{configPath}>; exiting.\n");
            return false;
        }
        if (value < least)
        {
            _problems.Error(at, ("et",
                $"statmgr: Invalid <{command}> value {value} in <{configPath}>; valid={valid}; exiting.\n"));
            return false;
        }
        store(value);
        return true;
    }

    private bool ReadRecipient(string command, List<string> list, string configPath, ConfigLocation at)
    {
        if (list.Count >= StatmgrLimits.MaxRecipients)
        {
            _problems.Error(at,
                $"statmgr: Too many <{command}> commands in <{configPath}>; max={StatmgrLimits.MaxRecipients}; exiting.\n");
            return false;
        }
        var value = _kom.NextToken();
        if (value is null)
        {
            _problems.Error(at, $"statmgr: No argument for <{command}> command in <{configPath}>; exiting.\n");
            return false;
        }
        if (value.Length == 0 || value.Length > StatmgrLimits.MaxRecipientLength)
        {
            _problems.Error(at,
                $"statmgr: Invalid length={value.Length} for <{command}> argument in <{configPath}>; valid=1-{StatmgrLimits.MaxRecipientLength}; exiting.\n");
            return false;
        }
        if (StatmgrLimits.IsOptionLike(command, value))
        {
            _problems.Error(at, ("et", $"statmgr: Invalid <{command}> argument <{value}> in <{configPath}>; {StatmgrLimits.OptionLikeRule}; exiting.\n"));
            return false;
        }
        list.Add(value);
        return true;
    }

    private bool ReadDescriptor(string configPath, ConfigLocation at, ParseState state)
    {
        if (state.DescriptorLines >= StatmgrLimits.MaxDescriptors)
        {
            _problems.Error(at,
                $"statmgr: Too many <Descriptor> commands in <{configPath}>; max={StatmgrLimits.MaxDescriptors}; exiting.\n");
            return false;
        }
        state.DescriptorLines++;
        state.Seen.Add(Required.Descriptor);
        var path = _kom.NextToken();
        if (path is null)
        {
            return true;
        }
        if (path.Length > StatmgrLimits.MaxDescriptorPathLength)
        {
            _problems.Error(at,
                $"statmgr: <Descriptor> {path} length in <{configPath}> too long; max={StatmgrLimits.MaxDescriptorPathLength}; exiting.\n");
            return false;
        }
        if (_descriptors.Read(path, at) is { } descriptor)
        {
            state.Config.Descriptors.Add(descriptor);
        }
        return true;
    }

    private bool ReadStatusSource(string configPath, ConfigLocation at, ParseState state)
    {
        var sources = state.Config.StatusSources;
        if (sources.Count >= StatmgrLimits.MaxStatusSources)
        {
            // C allowed one line and printed max=2 (B9); the port allows 64 and says so.
            _problems.Error(at, ("et",
                $"statmgr: Too many <GetStatusFrom> commands in <{configPath}>; max={StatmgrLimits.MaxStatusSources}; exiting.\n"));
            return false;
        }
        state.Seen.Add(Required.GetStatusFrom);
        byte inst = 0;
        var instName = _kom.NextToken();
        if (instName is not null && _tables.GetInst(instName, out inst) != 0)
        {
            _problems.Error(at, $"statmgr: Invalid installation name <{instName}> in <GetStatusFrom> cmd; exiting.\n");
            return false;
        }
        byte module = 0;
        var moduleName = _kom.NextToken();
        if (moduleName is not null && _tables.GetModId(moduleName, out module) != 0)
        {
            _problems.Error(at, $"statmgr: Invalid module name <{moduleName}> in <GetStatusFrom> cmd; exiting.\n");
            return false;
        }
        if (instName is not null && moduleName is not null)
        {
            sources.Add(new StatusSource(instName, inst, moduleName, module));
        }
        return true;
    }

    private void CheckRequired(string configPath, ParseState state)
    {
        var missing = string.Empty;
        foreach (var (command, label) in RequiredCommands)
        {
            if (!state.Seen.Contains(command))
            {
                missing += label;
            }
        }
        if (missing.Length > 0)
        {
            _problems.Error(new ConfigLocation(configPath, state.LastTopLine),
                $"statmgr: ERROR, no {missing}command(s) in <{configPath}>; exiting.\n");
        }
    }

    private static bool TryParseSmtpSecurity(string value, out SmtpSecurityMode mode)
    {
        switch (value.ToLowerInvariant())
        {
            case "auto": mode = SmtpSecurityMode.Auto; return true;
            case "none": mode = SmtpSecurityMode.None; return true;
            case "starttls": mode = SmtpSecurityMode.StartTls; return true;
            case "ssl": mode = SmtpSecurityMode.Ssl; return true;
            default: mode = SmtpSecurityMode.Auto; return false;
        }
    }

    private static bool TryParseHeartbeatClock(string value, out HeartbeatClockMode mode)
    {
        switch (value.ToLowerInvariant())
        {
            case "sender": mode = HeartbeatClockMode.Sender; return true;
            case "receive": mode = HeartbeatClockMode.Receive; return true;
            default: mode = HeartbeatClockMode.Sender; return false;
        }
    }

    private static bool TryParseRingLayout(string value, out RingLayoutChoice layout)
    {
        switch (value.ToLowerInvariant())
        {
            case "auto": layout = RingLayoutChoice.Auto; return true;
            case "lp64": layout = RingLayoutChoice.Lp64; return true;
            case "ilp32": layout = RingLayoutChoice.Ilp32; return true;
            default: layout = RingLayoutChoice.Auto; return false;
        }
    }

    /// <summary>The required commands in the order C lists them when some are missing.</summary>
    private static readonly (Required Command, string Label)[] RequiredCommands =
    [
        (Required.RingName, "<RingName> "),
        (Required.HeartbeatPageit, "<heartbeatPageit> "),
        (Required.PageGroup, "<pagegroup> "),
        (Required.LogFile, "<LogFile> "),
        (Required.Descriptor, "<Descriptor> "),
        (Required.MyModuleId, "<MyModuleId> "),
        (Required.GetStatusFrom, "<GetStatusFrom> "),
    ];

    private enum Required
    {
        RingName,
        HeartbeatPageit,
        PageGroup,
        LogFile,
        Descriptor,
        MyModuleId,
        GetStatusFrom,
    }

    private sealed class ParseState(StatmgrConfig config)
    {
        public StatmgrConfig Config { get; } = config;
        public HashSet<Required> Seen { get; } = new();
        public int DescriptorLines { get; set; }
        public int LastTopLine { get; set; }
    }
}
