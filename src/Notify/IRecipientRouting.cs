using Statmgr.Config;

namespace Statmgr.Notify;

/// <summary>Decides paging and mailing for a report from the rule's limits and counters.</summary>
public interface IRecipientRouting
{
    Delivery ForHealth(Descriptor descriptor, ReportLimits limits, ReportCounters counters);

    Delivery ForError(Descriptor descriptor, ReportLimits limits, ReportCounters counters);
}
