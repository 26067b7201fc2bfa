using Statmgr.Config;

namespace Statmgr.Notify;

/// <summary>
/// C statmgr's routing, bugs B1-B3 included, for sites that diff old and new output
/// (<c>LegacyMailRouting 1</c>). Health mail needs the descriptor's own <c>mail</c> lines but
/// goes to statmgr.d's list; error mail ignores the descriptor's list unless a MailServer is set;
/// a negative limit means "no limit" for health reports and "never" for error reports.
/// </summary>
internal sealed class LegacyRouting : IRecipientRouting
{
    private readonly IReadOnlyList<string> _configMail;
    private readonly bool _hasMailServer;

    public LegacyRouting(IReadOnlyList<string> configMail, bool hasMailServer)
    {
        _configMail = configMail;
        _hasMailServer = hasMailServer;
    }

    public Delivery ForHealth(Descriptor descriptor, ReportLimits limits, ReportCounters counters)
    {
        bool page = limits.Page < 0 || counters.Pages < limits.Page;
        bool sendMail = descriptor.MailRecipients.Count > 0 && (limits.Mail < 0 || counters.Mails < limits.Mail);
        // C only mails (and only counts) when statmgr.d has recipients, but claims it either way.
        bool mailed = sendMail && _configMail.Count > 0;
        return new Delivery(page, mailed ? _configMail : [], sendMail, mailed);
    }

    public Delivery ForError(Descriptor descriptor, ReportLimits limits, ReportCounters counters)
    {
        bool page = counters.Pages < limits.Page;
        bool attempt = counters.Mails < limits.Mail;
        bool suffix = attempt && descriptor.MailRecipients.Count > 0;
        IReadOnlyList<string> recipients = !_hasMailServer || descriptor.MailRecipients.Count == 0
            ? _configMail
            : descriptor.MailRecipients;
        return new Delivery(page, attempt ? recipients : [], suffix, attempt);
    }
}
