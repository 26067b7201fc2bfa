namespace Statmgr.Config;

/// <summary>One loaded .desc file: who the module is, how its heartbeat and errors are judged, who hears of it.</summary>
internal sealed class Descriptor
{
    /// <summary>The path as written on the Descriptor line (after ${} expansion).</summary>
    public string Path { get; init; } = "";

    public string ModName { get; set; } = "";

    /// <summary>The <c>system</c> line, or SYS_NAME; cut to 29 characters.</summary>
    public string SysName { get; set; } = "";

    /// <summary>The modId name as written (shown in health reports).</summary>
    public string ModIdName { get; set; } = "";
    public byte ModId { get; set; }
    public string InstIdName { get; set; } = "";
    public byte InstId { get; set; }

    /// <summary>Heartbeat rule after the .d adjustment; Tsec 0 means not monitored.</summary>
    public int HeartbeatTsec { get; set; }
    public int HeartbeatPage { get; set; }
    public int HeartbeatMail { get; set; }

    /// <summary>The heartbeat interval found in the module's .d file (-1 none found, -2 not read).</summary>
    public int HeartbeatSendInterval { get; set; } = -2;

    public bool RestartMe { get; set; }
    public List<string> PageGroups { get; } = new();
    public List<string> MailRecipients { get; } = new();
    public List<ErrorRule> Errors { get; } = new();

    /// <summary>The opt-in alert policy: this descriptor's commands, then statmgr.d's defaults.</summary>
    public AlertPolicySettings Policy { get; } = new();
}

/// <summary>One <c>err: E nerr: N tsec: T page: P mail: M</c> line with its <c>text:</c>.</summary>
internal sealed record ErrorRule(short Number, int Nerr, int Tsec, int Page, int Mail, string Text);
