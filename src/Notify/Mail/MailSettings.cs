using System.Globalization;
using Statmgr.Config;

namespace Statmgr.Notify.Mail;

/// <summary>
/// The mail part of statmgr.d, resolved once: relays, sender, subject, body framing, SMTP security
/// and the legacy mail program. Built from a loaded <see cref="StatmgrConfig"/>.
/// </summary>
internal sealed class MailSettings
{
    /// <summary>The MailServer lines as written; any line at all selects SMTP, and MailProgram is then ignored.</summary>
    public IReadOnlyList<string> ServerLines { get; init; } = [];

    /// <summary>The MailServer lines that parsed, in the order they are tried.</summary>
    public IReadOnlyList<MailServerAddress> Servers { get; init; } = [];

    /// <summary>One text per MailServer line that could not be used, naming the line and the reason.</summary>
    public IReadOnlyList<string> ServerProblems { get; init; } = [];

    public string? MailProgram { get; init; }

    /// <summary>The From header and envelope sender (SMTP only); defaults to user@host.</summary>
    public string From { get; init; } = "";
    public string Subject { get; init; } = StatmgrConfig.DefaultSubject;
    public string Prefix { get; init; } = "";
    public string Suffix { get; init; } = "";
    public SmtpSecurityMode Security { get; init; } = SmtpSecurityMode.Auto;
    public string? User { get; init; }
    public string? PasswordFile { get; init; }
    /// <summary>
    /// SmtpTimeout: the longest wait for one SMTP answer, and the deadline of one whole attempt
    /// (one relay's dialogue from connect to the end of DATA, or one run of the mail program).
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(StatmgrConfig.DefaultSmtpTimeoutSeconds);

    /// <summary>The deadline as the log lines say it ("30 s").</summary>
    public string TimeoutText => Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s";
    public string? CaFile { get; init; }

    /// <summary>Everyone statmgr may mail: statmgr.d's list, then each descriptor's, first occurrence kept.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>True when statmgr.d has MailServer lines, whether or not they parsed.</summary>
    public bool UsesSmtp => ServerLines.Count > 0;

    /// <summary>
    /// The mail body: MsgPrefix, the report and MsgSuffix with no separators (as C), plus the one
    /// newline C's <c>echo</c> added, so both paths give the bytes legacy Unix mail had. It keeps
    /// newlines and tabs but no other raw control byte.
    /// </summary>
    public string ComposeBody(string reportText) => Prefix + reportText + Suffix + "\n";

    /// <summary>
    /// True when both would mail the same way: the same relays or program, sender, subject, framing
    /// and SMTP security. The recipients are not compared: each report names its own.
    /// </summary>
    public bool MailsLike(MailSettings other) =>
        ServerLines.SequenceEqual(other.ServerLines, StringComparer.Ordinal)
        && MailProgram == other.MailProgram
        && From == other.From
        && Subject == other.Subject
        && Prefix == other.Prefix
        && Suffix == other.Suffix
        && Security == other.Security
        && User == other.User
        && PasswordFile == other.PasswordFile
        && Timeout == other.Timeout
        && CaFile == other.CaFile;

    public static MailSettings FromConfig(StatmgrConfig config) => FromConfig(config, DefaultFrom());

    internal static MailSettings FromConfig(StatmgrConfig config, string defaultFrom)
    {
        var defaultPort = config.SmtpSecurity == SmtpSecurityMode.Ssl
            ? MailServerAddress.DefaultSslPort
            : MailServerAddress.DefaultPort;
        var servers = new List<MailServerAddress>();
        var problems = new List<string>();
        foreach (var line in config.MailServers)
        {
            var address = MailServerAddress.TryParse(line, defaultPort, out var problem);
            if (address is null)
            {
                problems.Add($"MailServer <{line}>: {problem}");
            }
            else
            {
                servers.Add(address);
            }
        }

        var recipients = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var recipient in config.MailRecipients.Concat(config.Descriptors.SelectMany(d => d.MailRecipients)))
        {
            if (seen.Add(recipient))
            {
                recipients.Add(recipient);
            }
        }

        return new MailSettings
        {
            ServerLines = config.MailServers.ToArray(),
            Servers = servers,
            ServerProblems = problems,
            MailProgram = string.IsNullOrEmpty(config.MailProgram) ? null : config.MailProgram,
            From = string.IsNullOrEmpty(config.From) ? defaultFrom : config.From,
            Subject = config.Subject,
            // The report in between is already shown safely; the framing gets the mail rule once, here.
            Prefix = VisibleText.ForMail(config.MsgPrefix ?? ""),
            Suffix = VisibleText.ForMail(config.MsgSuffix ?? ""),
            Security = config.SmtpSecurity,
            User = string.IsNullOrEmpty(config.SmtpUser) ? null : config.SmtpUser,
            PasswordFile = string.IsNullOrEmpty(config.SmtpPasswordFile) ? null : config.SmtpPasswordFile,
            Timeout = TimeSpan.FromSeconds(config.SmtpTimeoutSeconds > 0 ? config.SmtpTimeoutSeconds : StatmgrConfig.DefaultSmtpTimeoutSeconds),
            CaFile = string.IsNullOrEmpty(config.SmtpCaFile) ? null : config.SmtpCaFile,
            Recipients = recipients,
        };
    }

    /// <summary>user@host: the sender C used on Windows (blat's default); on Unix C let the mail program choose.</summary>
    internal static string DefaultFrom()
    {
        var user = string.IsNullOrEmpty(Environment.UserName) ? "nobody" : Environment.UserName;
        return user + "@" + Environment.MachineName;
    }
}
