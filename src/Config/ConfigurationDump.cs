using System.Text;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Config;

/// <summary>
/// The configuration dump C writes to the log at startup (PrintCnf, then PrintDf), with C's labels
/// and spacing. Port-only commands, GetStatusFrom, mail settings, CheckAllRings, Debug and
/// restartMe are not printed, as in C.
/// </summary>
internal static class ConfigurationDump
{
    private const string Dashes = "---------------------------------------------------\n";

    /// <summary>Writes the dump to the log, one log call per C call, with no flags (disk only).</summary>
    public static void Write(StatmgrConfig config, ILogit log)
    {
        foreach (var line in Lines(config))
        {
            log.Write("", line);
        }
    }

    /// <summary>The same dump as one text (what <c>--check</c> prints).</summary>
    public static string Format(StatmgrConfig config)
    {
        var text = new StringBuilder();
        foreach (var line in Lines(config))
        {
            text.Append(line);
        }
        return text.ToString();
    }

    private static IEnumerable<string> Lines(StatmgrConfig config)
    {
        // PrintCnf
        yield return "\n       *****  Statmgr Configuration file  *****\n";
        yield return $" RingName        {config.RingName}\n";
        yield return $" heartbeatPageit {config.HeartbeatPageit}\n";
        yield return $" LogFile         {config.LogFile}\n";
        yield return $"System-wide pagegroups ({config.PageGroups.Count}):\n";
        foreach (var group in config.PageGroups)
        {
            yield return $" pagegroup       {group}\n";
        }
        yield return $"System-wide email recipients ({config.MailRecipients.Count}):\n";
        foreach (var address in config.MailRecipients)
        {
            yield return $" mail            {address}\n";
        }

        // PrintDf
        yield return "\n       *****  Descriptor Files  *****\n";
        yield return Dashes;
        var number = 0;
        foreach (var desc in config.Descriptors)
        {
            number++;
            yield return $"# Descriptor file #{number}\n";
            yield return "# Module description:\n";
            yield return $" modName    {desc.ModName}\n";
            yield return $" modId      {desc.ModId}\n";
            yield return $" instId     {desc.InstId}\n";
            yield return $" system     {desc.SysName}\n";
            yield return $"# Module-specific pagegroups ({desc.PageGroups.Count}):\n";
            foreach (var group in desc.PageGroups)
            {
                yield return $" pagegroup  {group}\n";
            }
            yield return $"# Module-specific email recipients ({desc.MailRecipients.Count}):\n";
            foreach (var address in desc.MailRecipients)
            {
                yield return $" mail       {address}\n";
            }
            yield return "# Heartbeat:\n";
            yield return $" tsec: {desc.HeartbeatTsec} page: {desc.HeartbeatPage} mail: {desc.HeartbeatMail}\n";
            yield return "# Errors:\n";
            foreach (var rule in desc.Errors)
            {
                yield return $" err: {rule.Number} nerr: {rule.Nerr} tsec: {rule.Tsec} page: {rule.Page} mail: {rule.Mail}\n";
                yield return $" text: \"{rule.Text}\"\n";
            }
            yield return Dashes;
        }
    }
}
