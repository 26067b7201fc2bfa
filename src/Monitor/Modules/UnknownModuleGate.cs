using System.Globalization;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Monitor.Modules;

/// <summary>
/// The first check on every message: a sender without a descriptor is reported as statmgr
/// error 2 (unless DontReportUnknownModule) and dropped. Module id 0 is let through, because
/// the stopmodule and restart tools send with it; only its stops and restarts are used.
/// </summary>
internal sealed class UnknownModuleGate
{
    private readonly ModuleTable _modules;
    private readonly OwnErrorReporter _own;
    private readonly bool _dontReport;
    private readonly TimeProvider _time;

    public UnknownModuleGate(ModuleTable modules, OwnErrorReporter own, bool dontReportUnknownModule, TimeProvider time)
    {
        _modules = modules;
        _own = own;
        _dontReport = dontReportUnknownModule;
        _time = time;
    }

    /// <summary>
    /// False when the message is dropped. True with the sender's module, or with null for an
    /// unknown sender with module id 0.
    /// </summary>
    public bool TryAdmit(Logo logo, out ModuleHealth? module)
    {
        module = _modules.Find(logo.Module, logo.Installation);
        if (module is not null || logo.Module == 0)
        {
            return true;
        }
        if (!_dontReport)
        {
            _own.TryReport(StatmgrError.UnknownModule, EpochClock.Now(_time), string.Create(CultureInfo.InvariantCulture,
                $"msg from unknown module  (statmgr doesn't have a .desc file for this one) inst:{logo.Installation} mod:{logo.Module} typ:{logo.Type}"));
        }
        return false;
    }
}
