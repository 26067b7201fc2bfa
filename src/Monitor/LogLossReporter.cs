using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Notify;

namespace Statmgr.Monitor;

/// <summary>
/// Pages when the log file starts losing entries (a full disk): the log is where an operator
/// looks for "module dead", so losing it is an alarm of its own. One report per spell of
/// failures, as statmgr's own report (its descriptor, its page groups), checked once a pass so
/// that entries lost by the mail sender are seen on the loop too. It is not an <c>err:</c> line
/// of statmgr.desc, so every statmgr.desc gets it; its limits are fixed here.
/// </summary>
internal sealed class LogLossReporter
{
    /// <summary>Pages at most this many times a run, so a disk that fills and frees by turns cannot flood the pager.</summary>
    public const int PageLimit = 10;

    // Paged, not mailed: mail is slower and would be lost from the log the same way.
    private static readonly ErrorRule Rule = new(-1, 1, 0, PageLimit, 0, "Log file writes failed.");

    private readonly Func<LogLosses> _losses;
    private readonly ReportDispatcher _reports;
    private readonly Descriptor _own;
    private readonly ReportCounters _counters = new();
    private int _reportedSpells;

    /// <param name="previous">The reporter a reload replaces: the spells it reported and the pages it used count on.</param>
    public LogLossReporter(Func<LogLosses> losses, ReportDispatcher reports, Descriptor own, LogLossReporter? previous = null)
    {
        _losses = losses;
        _reports = reports;
        _own = own;
        if (previous is not null)
        {
            _counters = previous._counters;
            _reportedSpells = previous._reportedSpells;
        }
    }

    /// <summary>What the log has lost so far, for a status view.</summary>
    public LogLosses Losses => _losses();

    /// <summary>Reports a spell of log failures that began since the last call.</summary>
    public void ReportNewLoss(long now)
    {
        var losses = _losses();
        if (losses.Spells == _reportedSpells)
        {
            return;
        }
        _reportedSpells = losses.Spells;
        _reports.ReportError(_own, Rule, _counters, now,
            $"log file writes failed ({losses.Cause}); log entries are lost until it can be written.");
    }
}
