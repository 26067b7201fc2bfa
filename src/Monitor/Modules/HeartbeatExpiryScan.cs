using Statmgr.Earthworm.Logging;
using Statmgr.Monitor.Rings;
using Statmgr.Notify;

namespace Statmgr.Monitor.Modules;

/// <summary>
/// C's expiry scan: a monitored module is dead when statmgr's clock minus the
/// sender's time of its last heartbeat is strictly more than tsec, in whole seconds; with
/// <c>HeartbeatClock receive</c>, the same rule on the heartbeat clock's seconds. Reports are
/// stamped with statmgr's wall clock either way.
/// </summary>
internal sealed class HeartbeatExpiryScan
{
    public const string DeadText = "module dead";
    public const string DeadPidUnknownText = "module dead, PID unknown; needs human intervention.";

    private readonly ReportDispatcher _reports;
    private readonly RestartTracker _restarts;
    private readonly MonitoredRing _defaultRing;
    private readonly ILogit _logit;
    private readonly AlertPolicy _policy;
    private readonly HeartbeatClock _clock;
    private readonly ModuleSilences? _silences;

    /// <param name="silences">The silences over the modules; null: none is ever silenced.</param>
    public HeartbeatExpiryScan(ModuleTable modules, ReportDispatcher reports, RestartTracker restarts, MonitoredRing defaultRing, ILogit logit, AlertPolicy policy,
        HeartbeatClock clock, ModuleSilences? silences = null)
    {
        _silences = silences;
        Modules = modules;
        _reports = reports;
        _restarts = restarts;
        _defaultRing = defaultRing;
        _logit = logit;
        _policy = policy;
        _clock = clock;
    }

    /// <summary>The modules scanned, in configuration order.</summary>
    public ModuleTable Modules { get; }

    /// <param name="now">statmgr's wall clock, in epoch seconds.</param>
    public ScanOutcome Scan(long now)
    {
        long timersNow = _clock.Now(now);
        // Indexed, not enumerated (an interface's enumerator is an object): the scan runs every
        // pass, and an idle statmgr must allocate nothing.
        var modules = Modules.Modules;
        for (var i = 0; i < modules.Count; i++)
        {
            var module = modules[i];
            if (module.Policy is { } policy)
            {
                _policy.Tick(module, policy, now);
            }
            if (!module.IsMonitored || !module.Alive || timersNow - module.Timer <= module.Tsec)
            {
                continue;
            }
            module.MarkDead(now);
            var descriptor = module.Descriptor;
            if (module.Restart == RestartState.UnknownPid || module.Pid == "0")
            {
                if (module.Policy is { } unknownPidPolicy)
                {
                    _policy.ReportDeath(module, unknownPidPolicy, now, DeadPidUnknownText);
                    return ScanOutcome.Abandoned;
                }
                _reports.ReportHealth(descriptor, module.HeartbeatLimits, module.HeartbeatCounters, now, DeadPidUnknownText);
                return ScanOutcome.Abandoned;
            }
            if (module.Restart == RestartState.Stopped)
            {
                _logit.Write("et", $"Statmgr: Module pid {module.Pid} has been marked as intentionally stopped, so we won't try to restart it.\n");
            }
            if (module.Policy is { } deathPolicy)
            {
                _policy.OnDeath(module, deathPolicy, now);
                continue;
            }
            _reports.ReportHealth(descriptor, module.HeartbeatLimits, module.HeartbeatCounters, now, DeadText);
            if (module.Restart == RestartState.RestartMe && _silences?.HoldsRestart(module) != true)
            {
                _restarts.RequestRestart(module, _defaultRing);
            }
        }
        return ScanOutcome.Completed;
    }

    /// <summary>
    /// Silences that start or end at <paramref name="now"/> (statmgr's wall clock), before the
    /// rings are read so that this second's reports see them; a module still dead when its
    /// silence ends is reported.
    /// </summary>
    public void TickSilences(long now) => _silences?.Tick(now, Modules, _reports);

    /// <summary>The earliest whole second of statmgr's wall clock at which some module will be found dead (or its alert policy has work, or a silence ends), or null.</summary>
    public long? NextDeathSecond()
    {
        long? next = null;
        var modules = Modules.Modules;
        for (var i = 0; i < modules.Count; i++)
        {
            var module = modules[i];
            if (module.DeathSecond is long second && (next is null || second < next))
            {
                next = second;
            }
            if (module.Policy is { } policy && AlertPolicy.NextDueSecond(module, policy) is long due && (next is null || due < next))
            {
                next = due;
            }
        }
        long? wall = next is long death ? _clock.ToWallSecond(death) : null;
        return _silences?.NextEndSecond is long end && (wall is null || end < wall) ? end : wall;
    }
}

/// <summary>How a heartbeat expiry scan ended.</summary>
internal enum ScanOutcome
{
    Completed,

    /// <summary>
    /// A "PID unknown" death ended the pass early, as in C: the loop polls again at once and the
    /// remaining modules are scanned on the next pass.
    /// </summary>
    Abandoned,
}
