using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Notify;
using Statmgr.Silences;

namespace Statmgr.Monitor.Modules;

/// <summary>
/// The silences as this configuration's modules meet them: which silence, if any, covers a
/// module's reports (statmgr's own descriptor never: its "Program stopping" always goes out),
/// whether a silenced module that dies is restarted (<c>restartWhileSilenced</c>), and, when a
/// silence ends, the one "module dead (silence ended)" report for each module it covered that is
/// still dead and not covered by another. The silences themselves live in the
/// <see cref="SilenceKeeper"/>, which outlives a reload; this is rebuilt with the module table.
/// </summary>
internal sealed class ModuleSilences
{
    public const string DeadAtEndText = "module dead (silence ended)";

    private readonly SilenceKeeper _keeper;
    private readonly Descriptor _own;
    private readonly ILogit _logit;

    public ModuleSilences(SilenceKeeper keeper, Descriptor own, ILogit logit)
    {
        _keeper = keeper;
        _own = own;
        _logit = logit;
    }

    /// <summary>The earliest second at which a silence in force expires, or null.</summary>
    public long? NextEndSecond => _keeper.NextEndSecond;

    /// <summary>The silence over <paramref name="descriptor"/>'s reports now, or null.</summary>
    public Silence? For(Descriptor descriptor) => _keeper.For(descriptor, _own);

    /// <summary>
    /// True when a restart request for the dead <paramref name="module"/> is held back because it
    /// is silenced and its descriptor says <c>restartWhileSilenced: 0</c>; the log says so.
    /// </summary>
    public bool HoldsRestart(ModuleHealth module)
    {
        var descriptor = module.Descriptor;
        if (descriptor.Policy.RestartsWhileSilenced || For(descriptor) is not { } silence)
        {
            return false;
        }
        _logit.Write("et", $"statmgr: {descriptor.ModName} is silenced (#{silence.Id}); no restart request\n");
        return true;
    }

    /// <summary>Every pass, before the rings are read: silences start and end on the first pass of a second.</summary>
    public void Tick(long now, ModuleTable modules, ReportDispatcher reports)
    {
        var ended = _keeper.Tick(now);
        if (ended.Count == 0)
        {
            return;
        }
        var all = modules.Modules;
        for (var i = 0; i < all.Count; i++)
        {
            var module = all[i];
            var descriptor = module.Descriptor;
            if (!module.IsMonitored || module.Alive || ReferenceEquals(descriptor, _own) || !Covered(ended, descriptor.ModName) || For(descriptor) is not null)
            {
                continue;
            }
            reports.ReportHealth(descriptor, module.HeartbeatLimits, module.HeartbeatCounters, now, DeadAtEndText);
        }
    }

    private static bool Covered(IReadOnlyList<Silence> silences, string modName)
    {
        for (var i = 0; i < silences.Count; i++)
        {
            if (silences[i].Covers(modName))
            {
                return true;
            }
        }
        return false;
    }
}
