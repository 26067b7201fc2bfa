using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;
using Statmgr.Notify;
using Statmgr.Silences;
using Statmgr.Status;

namespace Statmgr.Monitor;

/// <summary>Everything the monitor needs from the configuration startup read and from the process around it.</summary>
internal sealed record MonitorContext
{
    public required StatmgrConfig Config { get; init; }

    /// <summary>statmgr's own descriptor (MyModuleId at the local installation).</summary>
    public required Descriptor OwnDescriptor { get; init; }

    public required byte LocalInstallation { get; init; }

    public required StatusMessageTypes Types { get; init; }

    /// <summary>The SYS_NAME environment value (for the pageit heartbeat).</summary>
    public required string SysName { get; init; }

    /// <summary>Module id to name, as getutil's GetModIdName (null when unknown).</summary>
    public required Func<byte, string?> ModuleName { get; init; }

    public required ILogit Logit { get; init; }

    public required IMailSink Mail { get; init; }

    /// <summary>
    /// Gives a reloaded configuration's mail settings to the mailer and returns the sink for every
    /// report from then on; what is already queued is kept and still sent. Null: a reload keeps
    /// <see cref="Mail"/> as it is (tests that do not mail).
    /// </summary>
    public Func<StatmgrConfig, IMailSink>? ReloadMail { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>Where finished configuration readings (SIGHUP) wait for the loop; null: statmgr is never reloaded (tests, <c>--check</c>).</summary>
    public ReloadRequest? Reload { get; init; }

    /// <summary>The silences in force, kept across reloads; null: no silences file, nothing is ever silenced.</summary>
    public SilenceKeeper? Silences { get; init; }

    /// <summary>Attaches an existing ring by name and key; throws TransportRingException when it cannot.</summary>
    public required Func<string, long, ITransportRing> AttachRing { get; init; }

    /// <summary>The process's one stop source; the monitor's only wait goes through it too.</summary>
    public required StopSource Stop { get; init; }

    /// <summary>Where the loop publishes its status snapshot; null (tests, <c>--check</c>): no snapshot is made at all.</summary>
    public StatusBoard? Status { get; init; }

    /// <summary>statmgr's pid, as the status snapshot shows it.</summary>
    public int ProcessId { get; init; }

    /// <summary>What the log file has lost so far (nothing, unless the process's real log says otherwise).</summary>
    public Func<LogLosses> LogLosses { get; init; } = static () => default;

    // The console writers are made only when asked for: the real start gives the log's own, and
    // making Console's at startup would cost the daemon time and memory for nothing.
    public TextWriter Out { get => field ??= Console.Out; init; }

    public TextWriter Error { get => field ??= Console.Error; init; }
}
