using Statmgr.Monitor.Modules;
using Statmgr.Notify;

namespace Statmgr.Monitor;

/// <summary>
/// Reports statmgr's own errors (the <c>err:</c> lines of statmgr.desc, numbered as in
/// <see cref="StatmgrError"/>) through its own descriptor. They skip the rate rule but use the
/// rule's page and mail limits.
/// </summary>
internal sealed class OwnErrorReporter
{
    private readonly ReportDispatcher _reports;

    public OwnErrorReporter(ModuleHealth own, ReportDispatcher reports)
    {
        Own = own;
        _reports = reports;
    }

    public ModuleHealth Own { get; }

    /// <summary>Reports error <paramref name="number"/>; false when statmgr.desc has no such error.</summary>
    public bool TryReport(short number, long now, string note)
    {
        var state = Own.FindError(number);
        if (state is null)
        {
            return false;
        }
        _reports.ReportError(Own.Descriptor, state.Rule, state.Counters, now, note);
        return true;
    }
}
