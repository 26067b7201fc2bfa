using Statmgr.Earthworm.Logging;

namespace Statmgr.Notify.Mail;

/// <summary>
/// Picks how reports are mailed, once at startup: MailServer lines mean SMTP (MailProgram then ignored,
/// with one warning); else MailProgram; else the program <c>mail</c> found on PATH; else no mail,
/// said once at startup rather than once per report.
/// </summary>
internal static class MailTransportFactory
{
    /// <summary>Chooses the transport and logs the startup notices with flag <c>et</c>.</summary>
    public static IMailTransport? Create(MailSettings settings, ILogit logit, TimeProvider time)
    {
        var choice = Choose(settings, time);
        foreach (var notice in choice.Notices)
        {
            logit.Write("et", notice);
        }
        return choice.Transport;
    }

    public static MailTransportChoice Choose(MailSettings settings, TimeProvider time) =>
        Choose(settings, time, Environment.GetEnvironmentVariable("PATH"));

    internal static MailTransportChoice Choose(MailSettings settings, TimeProvider time, string? searchPath)
    {
        var notices = new List<string>();
        if (settings.UsesSmtp)
        {
            foreach (var problem in settings.ServerProblems)
            {
                notices.Add($"statmgr: {problem}; line ignored\n");
            }
            if (settings.MailProgram is not null)
            {
                notices.Add($"statmgr: MailProgram <{settings.MailProgram}> ignored: MailServer is set, so reports are mailed by SMTP\n");
            }
            if (settings.Servers.Count == 0)
            {
                notices.Add("statmgr: no usable MailServer; reports will not be mailed\n");
                return new MailTransportChoice(null, notices);
            }
            if (settings.PasswordFile is not null && SmtpPasswordFile.ExposureWarning(settings.PasswordFile) is { } exposed)
            {
                notices.Add($"statmgr: {exposed}\n");
            }
            return new MailTransportChoice(new SmtpMailTransport(settings, time), notices);
        }

        var program = settings.MailProgram ?? MailProgramLocator.DefaultProgram;
        var path = MailProgramLocator.Locate(program, searchPath, out var reason);
        if (path is null)
        {
            // A site that mails nobody needs no mail program, and hears nothing about it.
            if (settings.Recipients.Count > 0)
            {
                notices.Add(settings.MailProgram is null
                    ? $"statmgr: no MailServer or MailProgram set and no program <{program}> found on PATH; reports will not be mailed\n"
                    : $"statmgr: mail program <{program}> {reason}; reports will not be mailed\n");
            }
            return new MailTransportChoice(null, notices);
        }
        return new MailTransportChoice(new MailProgramTransport(path, settings, time), notices);
    }
}

/// <summary>
/// How reports will be mailed, chosen once at startup: the transport (null when there is none) and
/// the lines to log about the choice (each a complete <c>statmgr: </c> line ending in a newline).
/// </summary>
internal sealed record MailTransportChoice(IMailTransport? Transport, IReadOnlyList<string> Notices);
