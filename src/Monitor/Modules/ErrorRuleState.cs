using Statmgr.Config;
using Statmgr.Notify;

namespace Statmgr.Monitor.Modules;

/// <summary>
/// One <c>err:</c> rule of a descriptor and what statmgr has counted for it. C's error-rate rule:
/// errors are counted in consecutive batches of <c>nerr</c>, and a batch is reported when its
/// first and last error are at most <c>tsec</c> seconds apart by the sender's clock (always, when
/// tsec is 0). The count restarts after every batch, reported or not. This is a batch rule, not
/// a sliding window (B22), on purpose.
/// </summary>
internal sealed class ErrorRuleState
{
    public ErrorRuleState(ErrorRule rule)
    {
        Rule = rule;
    }

    public ErrorRule Rule { get; }

    /// <summary>Errors counted in the current batch of the rate rule.</summary>
    public int ErrorCount { get; set; }

    /// <summary>Sender's time of the first error of the current batch.</summary>
    public long BatchStart { get; set; }

    public ReportCounters Counters { get; private set; } = new();

    /// <summary>Counts one error sent at <paramref name="time"/>; true when it is to be reported.</summary>
    public bool Admit(long time)
    {
        if (ErrorCount == 0)
        {
            BatchStart = time;
        }
        ErrorCount++;
        if (ErrorCount < Rule.Nerr)
        {
            return false;
        }
        bool report = Rule.Tsec == 0 || time - BatchStart <= Rule.Tsec;
        ErrorCount = 0;
        return report;
    }

    /// <summary>A reload kept the rule's number: its batch and counters go on under the new rule.</summary>
    public void ContinueFrom(ErrorRuleState previous)
    {
        ErrorCount = previous.ErrorCount;
        BatchStart = previous.BatchStart;
        Counters = previous.Counters;
    }

    public void Reset(long now)
    {
        ErrorCount = 0;
        BatchStart = now;
        Counters.Reset();
    }
}
