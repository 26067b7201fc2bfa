using Statmgr.Config;
using Statmgr.Notify;

namespace Statmgr.Monitor;

/// <summary>One <c>err:</c> rule of a descriptor and what statmgr has counted for it.</summary>
public sealed class ErrorRuleState
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

    public ReportCounters Counters { get; } = new();

    public void Reset(long now)
    {
        ErrorCount = 0;
        BatchStart = now;
        Counters.Reset();
    }
}
