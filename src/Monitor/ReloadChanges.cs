using Statmgr.Config;
using Statmgr.Monitor.Modules;

namespace Statmgr.Monitor;

/// <summary>
/// What a reload changes, one <c>statmgr: reload: &lt;change&gt;</c> line each: the modules added,
/// removed and changed (matched by installation and module id), then statmgr.d's commands. The
/// commands a running statmgr cannot change (its module id, log, status file, listener, ring
/// layout) are said to take effect at the next start; the reload keeps their running values.
/// </summary>
internal static class ReloadChanges
{
    public const string Prefix = "statmgr: reload: ";
    public const string NoChanges = "no changes";
    public const string NextStart = "; it takes effect at the next start";

    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>, without the rings'.</summary>
    /// <param name="match">For each of <paramref name="after"/>'s descriptors, the index of the one it continues in <paramref name="before"/>, or -1.</param>
    public static List<string> Describe(StatmgrConfig before, StatmgrConfig after, int[] match)
    {
        var changes = new List<string>();
        var kept = new bool[before.Descriptors.Count];
        for (var i = 0; i < match.Length; i++)
        {
            if (match[i] < 0)
            {
                changes.Add($"added {after.Descriptors[i].ModName}");
            }
            else
            {
                kept[match[i]] = true;
            }
        }
        for (var j = 0; j < kept.Length; j++)
        {
            if (!kept[j])
            {
                changes.Add($"removed {before.Descriptors[j].ModName}");
            }
        }
        for (var i = 0; i < match.Length; i++)
        {
            if (match[i] >= 0)
            {
                DescribeModule(before.Descriptors[match[i]], after.Descriptors[i], changes);
            }
        }
        DescribeCommands(before, after, changes);
        return changes;
    }

    /// <summary>Keeps the running values of what only a start can change in <paramref name="after"/>.</summary>
    public static void KeepNextStartValues(StatmgrConfig before, StatmgrConfig after)
    {
        after.MyModuleIdName = before.MyModuleIdName;
        after.MyModuleId = before.MyModuleId;
        after.LogFile = before.LogFile;
        after.StatusFile = before.StatusFile;
        after.StatusListen = before.StatusListen;
        after.RingLayout = before.RingLayout;
    }

    private static void DescribeModule(Descriptor before, Descriptor after, List<string> changes)
    {
        string name = after.ModName;
        if (before.HeartbeatTsec != after.HeartbeatTsec || before.HeartbeatPage != after.HeartbeatPage || before.HeartbeatMail != after.HeartbeatMail
            || !before.Errors.SequenceEqual(after.Errors) || !before.Policy.SameAs(after.Policy)
            || before.Policy.RestartsWhileSilenced != after.Policy.RestartsWhileSilenced)
        {
            changes.Add($"changed limits of {name}");
        }
        if (!before.PageGroups.SequenceEqual(after.PageGroups) || !before.MailRecipients.SequenceEqual(after.MailRecipients))
        {
            changes.Add($"changed recipients of {name}");
        }
        if (before.RestartMe != after.RestartMe)
        {
            changes.Add($"changed restartMe of {name}");
        }
        if (before.Path != after.Path || before.ModName != after.ModName || before.SysName != after.SysName || before.ModIdName != after.ModIdName
            || before.InstIdName != after.InstIdName || before.HeartbeatSendInterval != after.HeartbeatSendInterval)
        {
            changes.Add($"changed {name}");
        }
    }

    private static void DescribeCommands(StatmgrConfig before, StatmgrConfig after, List<string> changes)
    {
        if (!before.MailRecipients.SequenceEqual(after.MailRecipients))
        {
            changes.Add("mail recipients changed");
        }
        if (!before.PageGroups.SequenceEqual(after.PageGroups))
        {
            changes.Add("page groups changed");
        }
        if (!before.MailServers.SequenceEqual(after.MailServers) || before.MailProgram != after.MailProgram || before.From != after.From
            || before.Subject != after.Subject || before.MsgPrefix != after.MsgPrefix || before.MsgSuffix != after.MsgSuffix
            || before.SmtpSecurity != after.SmtpSecurity || before.SmtpUser != after.SmtpUser || before.SmtpPasswordFile != after.SmtpPasswordFile
            || before.SmtpTimeoutSeconds != after.SmtpTimeoutSeconds || before.SmtpCaFile != after.SmtpCaFile)
        {
            changes.Add("mail settings changed");
        }
        void Live(string command, bool changed)
        {
            if (changed)
            {
                changes.Add($"{command} changed");
            }
        }
        Live("RingName", before.RingName != after.RingName || before.RingKey != after.RingKey);
        Live("heartbeatPageit", before.HeartbeatPageit != after.HeartbeatPageit);
        Live("GetStatusFrom", !before.StatusSources.SequenceEqual(after.StatusSources));
        Live("CheckAllRings", before.CheckAllRings != after.CheckAllRings);
        Live("DontReportUnknownModule", before.DontReportUnknownModule != after.DontReportUnknownModule);
        Live("Debug", before.Debug != after.Debug);
        Live("LegacyMailRouting", before.LegacyMailRouting != after.LegacyMailRouting);
        Live("PageMaxBytes", before.PageMaxBytes != after.PageMaxBytes);
        Live("LimitWindow", before.LimitWindowSeconds != after.LimitWindowSeconds);
        Live("HeartbeatClock", before.HeartbeatClock != after.HeartbeatClock);
        Live("HeartbeatSkew", before.HeartbeatSkewSeconds != after.HeartbeatSkewSeconds);
        Live("RestartBudget", before.PolicyDefaults.Budget != after.PolicyDefaults.Budget);
        Live("RestartBackoff", before.PolicyDefaults.Backoff != after.PolicyDefaults.Backoff);
        Live("Remind", before.PolicyDefaults.RemindSeconds != after.PolicyDefaults.RemindSeconds);
        Live("FlapLimit", before.PolicyDefaults.Flap != after.PolicyDefaults.Flap);
        void NextStartOnly(string command, bool changed)
        {
            if (changed)
            {
                changes.Add($"{command} changed{NextStart}");
            }
        }
        NextStartOnly("MyModuleId", before.MyModuleId != after.MyModuleId || before.MyModuleIdName != after.MyModuleIdName);
        NextStartOnly("LogFile", before.LogFile != after.LogFile);
        NextStartOnly("StatusFile", before.StatusFile != after.StatusFile);
        NextStartOnly("StatusListen", !Equals(before.StatusListen, after.StatusListen));
        NextStartOnly("RingLayout", before.RingLayout != after.RingLayout);
    }
}
