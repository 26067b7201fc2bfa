using Statmgr.Config;

namespace Statmgr.Notify;

/// <summary>Decides paging and mailing for a report from the rule's limits and counters.</summary>
internal interface IRecipientRouting
{
    Delivery ForHealth(Descriptor descriptor, ReportLimits limits, ReportCounters counters);

    Delivery ForError(Descriptor descriptor, ReportLimits limits, ReportCounters counters);
}

/// <summary>
/// What one report does besides being logged: whether it is paged, who is mailed, whether the
/// text says " Mail sent.", and whether the mail counter moves. The last three agree in the
/// documented routing; they can differ in the legacy one.
/// </summary>
internal readonly record struct Delivery(bool Page, IReadOnlyList<string> MailTo, bool MailSuffix, bool CountMail);
