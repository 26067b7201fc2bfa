using Statmgr.Config;

namespace Statmgr.Notify;

/// <summary>
/// The routing the Earthworm documentation describes, where C's code departs from it (B1-B3): a descriptor's
/// <c>mail</c> lines replace statmgr.d's for both report kinds, a negative limit means no limit,
/// and " Mail sent." appears exactly when a mail is queued, so never when there is no mail path at all.
/// </summary>
internal sealed class DocumentedRouting : IRecipientRouting
{
    private readonly IReadOnlyList<string> _configMail;
    private readonly bool _hasMailPath;

    /// <param name="hasMailPath">False when no MailServer and no mail program can be used: nothing is mailed.</param>
    public DocumentedRouting(IReadOnlyList<string> configMail, bool hasMailPath = true)
    {
        _configMail = configMail;
        _hasMailPath = hasMailPath;
    }

    public Delivery ForHealth(Descriptor descriptor, ReportLimits limits, ReportCounters counters) =>
        Decide(descriptor, limits, counters);

    public Delivery ForError(Descriptor descriptor, ReportLimits limits, ReportCounters counters) =>
        Decide(descriptor, limits, counters);

    private Delivery Decide(Descriptor descriptor, ReportLimits limits, ReportCounters counters)
    {
        bool page = Allows(limits.Page, counters.Pages);
        IReadOnlyList<string> recipients = descriptor.MailRecipients.Count > 0 ? descriptor.MailRecipients : _configMail;
        bool mail = _hasMailPath && recipients.Count > 0 && Allows(limits.Mail, counters.Mails);
        return new Delivery(page, mail ? recipients : [], mail, mail);
    }

    private static bool Allows(int limit, int used) => limit < 0 || used < limit;
}
