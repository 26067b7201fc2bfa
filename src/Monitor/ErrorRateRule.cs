namespace Statmgr.Monitor;

/// <summary>
/// C's error-rate rule: errors are counted in consecutive batches of <c>nerr</c>, and a batch is
/// reported when its first and last error are at most <c>tsec</c> seconds apart by the sender's
/// clock (always, when tsec is 0). The count restarts after every batch, reported or not.
/// This is a batch rule, not a sliding window (B22), on purpose.
/// </summary>
public static class ErrorRateRule
{
    /// <summary>Counts one error sent at <paramref name="time"/>; true when it is to be reported.</summary>
    public static bool Admit(ErrorRuleState state, long time)
    {
        if (state.ErrorCount == 0)
        {
            state.BatchStart = time;
        }
        state.ErrorCount++;
        if (state.ErrorCount < state.Rule.Nerr)
        {
            return false;
        }
        bool report = state.Rule.Tsec == 0 || time - state.BatchStart <= state.Rule.Tsec;
        state.ErrorCount = 0;
        return report;
    }
}
