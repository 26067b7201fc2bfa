using Statmgr.Earthworm.Transport;

namespace Statmgr.Config;

/// <summary>
/// Everything statmgr.d says, after loading. Plain data: the monitor keeps its own running state.
/// </summary>
internal sealed class StatmgrConfig
{
    /// <summary>The config path as given on the command line (C prints it in every config error).</summary>
    public string ConfigPath { get; init; } = "";

    public string MyModuleIdName { get; set; } = "";
    public byte MyModuleId { get; set; }
    public string RingName { get; set; } = "";
    public long RingKey { get; set; }
    public int HeartbeatPageit { get; set; }
    public int LogFile { get; set; }

    /// <summary>System-wide page groups (at most 10).</summary>
    public List<string> PageGroups { get; } = new();

    /// <summary>System-wide mail recipients (at most 10).</summary>
    public List<string> MailRecipients { get; } = new();

    public List<Descriptor> Descriptors { get; } = new();

    /// <summary>GetStatusFrom lines (installation, module); C allows one, the port up to 64 (B9).</summary>
    public List<StatusSource> StatusSources { get; } = new();

    public List<string> MailServers { get; } = new();
    public string? MailProgram { get; set; }
    public string? From { get; set; }
    public string Subject { get; set; } = DefaultSubject;
    public string? MsgPrefix { get; set; }
    public string? MsgSuffix { get; set; }
    public int CheckAllRings { get; set; }
    public int DontReportUnknownModule { get; set; }
    public int Debug { get; set; }

    // Optional commands only the port knows (mail routing and SMTP, ring layout, page length).
    public bool LegacyMailRouting { get; set; }
    public SmtpSecurityMode SmtpSecurity { get; set; } = SmtpSecurityMode.Auto;
    public string? SmtpUser { get; set; }
    public string? SmtpPasswordFile { get; set; }
    public int SmtpTimeoutSeconds { get; set; } = DefaultSmtpTimeoutSeconds;
    public string? SmtpCaFile { get; set; }
    public RingLayoutChoice RingLayout { get; set; } = RingLayoutChoice.Auto;
    public int PageMaxBytes { get; set; } = DefaultPageMaxBytes;

    /// <summary>StatusFile's value as written: null without the command (the file goes next to the log), "0" for none.</summary>
    public string? StatusFile { get; set; }

    /// <summary>StatusListen's address: where the status listener binds; null (no listener) without the command.</summary>
    public System.Net.IPEndPoint? StatusListen { get; set; }

    /// <summary>The alert policy defaults (RestartBudget, RestartBackoff, Remind, FlapLimit); none by default.</summary>
    public AlertPolicySettings PolicyDefaults { get; } = new();

    /// <summary>LimitWindow: the seconds over which page: and mail: limits count; 0 counts them over the whole run, as C.</summary>
    public int LimitWindowSeconds { get; set; } = DefaultLimitWindowSeconds;

    /// <summary>HeartbeatClock: whose clock times heartbeats.</summary>
    public HeartbeatClockMode HeartbeatClock { get; set; } = HeartbeatClockMode.Sender;

    /// <summary>HeartbeatSkew: how far a heartbeat's time may be from statmgr's clock before it is logged; 0 checks nothing.</summary>
    public int HeartbeatSkewSeconds { get; set; } = DefaultHeartbeatSkewSeconds;

    private readonly Dictionary<string, List<ConfigLocation>> _commandLines = new(StringComparer.Ordinal);

    /// <summary>Notes that <paramref name="command"/> was read at <paramref name="at"/>.</summary>
    public void RecordCommand(string command, ConfigLocation at)
    {
        if (!_commandLines.TryGetValue(command, out var lines))
        {
            lines = new List<ConfigLocation>();
            _commandLines.Add(command, lines);
        }
        lines.Add(at);
    }

    /// <summary>
    /// Every line <paramref name="command"/> was read at, in order (empty when it was not): checks
    /// made after loading, such as --check's mail checks, point at the line they are about.
    /// </summary>
    public IReadOnlyList<ConfigLocation> LinesOf(string command) =>
        _commandLines.TryGetValue(command, out var lines) ? lines : [];

    /// <summary>SMTP's answer timeout without an SmtpTimeout command (or with one that is not positive).</summary>
    public const int DefaultSmtpTimeoutSeconds = 30;

    /// <summary>C's page buffer holds 249 characters and the terminating NUL; PageMaxBytes can change it.</summary>
    public const int DefaultPageMaxBytes = 249;

    public const string DefaultSubject = "Earthworm Status Message";

    /// <summary>Without LimitWindow, limits count over the whole run (C's lifetime caps).</summary>
    public const int DefaultLimitWindowSeconds = 0;

    /// <summary>Without HeartbeatSkew, a minute: more than NTP-kept hosts ever drift, less than any heartbeat timeout worth having.</summary>
    public const int DefaultHeartbeatSkewSeconds = 60;
}

/// <summary>One GetStatusFrom line: whose heartbeats, errors, stops and restarts statmgr reads (0 = wildcard).</summary>
internal sealed record StatusSource(string InstallationName, byte Installation, string ModuleName, byte Module);

/// <summary>The HeartbeatClock command: which clock a heartbeat timer runs on.</summary>
internal enum HeartbeatClockMode
{
    /// <summary>The time written in the heartbeat, as C (B26).</summary>
    Sender,

    /// <summary>The moment statmgr read the heartbeat, on its monotonic clock.</summary>
    Receive,
}

/// <summary>The SmtpSecurity command: how the SMTP connection is protected.</summary>
internal enum SmtpSecurityMode
{
    Auto,
    None,
    StartTls,
    Ssl,
}
