using System.Globalization;
using Statmgr.Earthworm.Logging;
using Statmgr.Monitor.Rings;
using Statmgr.Notify;

namespace Statmgr.Monitor.Modules;

/// <summary>
/// The opt-in alert policy rules, for modules whose descriptor (or statmgr.d's defaults) turns
/// one on; every other module follows C's rules alone. A restart budget stops the restart
/// requests for a module that keeps dying, and says so once; a backoff delays each request,
/// doubling while the module keeps dying; reminders repeat "still dead" while it stays dead;
/// flap damping holds back the dead/alive reports of a module that keeps coming and going. Every
/// report goes the way "module dead" goes: the module's heartbeat page and mail rule.
/// </summary>
internal sealed class AlertPolicy
{
    private readonly ReportDispatcher _reports;
    private readonly RestartTracker _restarts;
    private readonly MonitoredRing _defaultRing;
    private readonly ILogit _logit;
    private readonly ModuleSilences? _silences;

    /// <param name="silences">The silences over the modules (a silence can hold a restart back); null: none.</param>
    public AlertPolicy(ReportDispatcher reports, RestartTracker restarts, MonitoredRing defaultRing, ILogit logit, ModuleSilences? silences = null)
    {
        _silences = silences;
        _reports = reports;
        _restarts = restarts;
        _defaultRing = defaultRing;
        _logit = logit;
    }

    private static string BudgetSpentText(int restarts, int windowSeconds) => string.Create(CultureInfo.InvariantCulture,
        $"module dead; restart budget spent ({restarts} restarts in {windowSeconds} s); needs human intervention.");

    private static string StillDeadText(long deadSeconds) => $"module still dead for {Duration(deadSeconds)}";

    private static string AliveAfterText(long deadSeconds) => $"module alive after {Duration(deadSeconds)} dead";

    private static string FlappingText(int comebacks, int windowSeconds) => string.Create(CultureInfo.InvariantCulture,
        $"module flapping ({comebacks} returns to life in {windowSeconds} s); dead/alive reports held back until steady for {windowSeconds} s");

    private static string SteadyText(bool alive, int windowSeconds) => string.Create(CultureInfo.InvariantCulture,
        $"module steady for {windowSeconds} s after flapping; now {(alive ? "alive" : "dead")}");

    /// <summary>
    /// A death the scan found, with the report C would send for it (<paramref name="text"/>);
    /// held back while the module is flapping unless <paramref name="evenWhileFlapping"/>.
    /// </summary>
    public void ReportDeath(ModuleHealth module, ModulePolicyState state, long now, string text, bool evenWhileFlapping = false)
    {
        state.DeadSince = now;
        state.LastChange = now;
        state.NextReminder = state.RemindSeconds > 0 ? now + state.RemindSeconds : null;
        Report(module, state, now, text, evenWhileFlapping);
    }

    /// <summary>
    /// The death of a module with a known pid: report it and, for an armed restartMe module, ask
    /// for a restart within the budget, after the backoff delay.
    /// </summary>
    public void OnDeath(ModuleHealth module, ModulePolicyState state, long now)
    {
        if (module.Restart != RestartState.RestartMe || !state.RulesRestarts)
        {
            ReportDeath(module, state, now, HeartbeatExpiryScan.DeadText);
            if (module.Restart == RestartState.RestartMe)
            {
                RequestRestart(module);
            }
            return;
        }
        if (state.Budget is { } budget && (state.BudgetSpent || state.RequestsInWindow(now, budget.WindowSeconds) >= budget.Restarts))
        {
            if (state.BudgetSpent)
            {
                ReportDeath(module, state, now, HeartbeatExpiryScan.DeadText);
                _logit.Write("et", $"statmgr: restart budget for {module.Descriptor.ModName} is spent; no restart request\n");
                return;
            }
            // Said once, even while flapping: it asks for a human.
            state.BudgetSpent = true;
            ReportDeath(module, state, now, BudgetSpentText(budget.Restarts, budget.WindowSeconds), evenWhileFlapping: true);
            return;
        }
        ReportDeath(module, state, now, HeartbeatExpiryScan.DeadText);
        int delay = state.NextDelay(now);
        if (delay == 0)
        {
            SendRequest(module, state, now);
            return;
        }
        state.PendingRestartAt = now + delay;
        _logit.Write("et", string.Create(CultureInfo.InvariantCulture,
            $"statmgr: restart request for {module.Descriptor.ModName} pid {module.Pid} in {delay} s (backoff)\n"));
    }

    /// <summary>
    /// A dead module's heartbeat at <paramref name="now"/>: the report to send for its return, or
    /// null when flap damping holds it back. A delayed restart request is dropped.
    /// </summary>
    public string? OnAlive(ModuleHealth module, ModulePolicyState state, long now)
    {
        string text = state.RemindSeconds > 0 && state.DeadSince is long since ? AliveAfterText(now - since) : HeartbeatHandler.AliveText;
        state.DeadSince = null;
        state.NextReminder = null;
        state.AliveSince = now;
        state.LastChange = now;
        if (state.PendingRestartAt is not null)
        {
            state.PendingRestartAt = null;
            _logit.Write("et", $"statmgr: {module.Descriptor.ModName} is alive again; its delayed restart request is not sent\n");
        }
        if (state.Flap is not { } flap)
        {
            return text;
        }
        if (state.Flapping)
        {
            HoldBack(module, text);
            return null;
        }
        int comebacks = state.CountComeback(now, flap.WindowSeconds);
        if (comebacks <= flap.Changes)
        {
            return text;
        }
        state.Flapping = true;
        return FlappingText(comebacks, flap.WindowSeconds);
    }

    /// <summary>Once a pass: a delayed restart request, a restored budget, a reminder, the end of flapping.</summary>
    public void Tick(ModuleHealth module, ModulePolicyState state, long now)
    {
        if (state.PendingRestartAt is long at && now >= at)
        {
            state.PendingRestartAt = null;
            // A TYPE_STOP during the delay disarms the module: then nothing goes out.
            if (!module.Alive && module.Restart == RestartState.RestartMe)
            {
                SendRequest(module, state, now);
            }
        }
        if (BudgetRestoredAt(module, state) is long restored && now >= restored)
        {
            state.RestoreBudget();
            var budget = state.Budget!.Value;
            _logit.Write("et", string.Create(CultureInfo.InvariantCulture,
                $"statmgr: {module.Descriptor.ModName} alive for {budget.WindowSeconds} s; restart budget restored ({budget.Restarts} restarts in {budget.WindowSeconds} s)\n"));
        }
        if (!module.Alive && state.NextReminder is long reminder && now >= reminder && state.DeadSince is long since)
        {
            // After a stall the reminders go on from now rather than catching up one by one.
            long next = reminder + state.RemindSeconds;
            state.NextReminder = next > now ? next : now + state.RemindSeconds;
            Report(module, state, now, StillDeadText(now - since));
        }
        if (SteadyAt(state) is long steady && now >= steady)
        {
            state.EndFlapping();
            Report(module, state, now, SteadyText(module.Alive, state.Flap!.Value.WindowSeconds));
        }
    }

    /// <summary>The earliest second at which <see cref="Tick"/> has work for this module, or null.</summary>
    public static long? NextDueSecond(ModuleHealth module, ModulePolicyState state)
    {
        long? next = state.PendingRestartAt;
        next = Earlier(next, BudgetRestoredAt(module, state));
        next = Earlier(next, module.Alive ? null : state.NextReminder);
        return Earlier(next, SteadyAt(state));
    }

    /// <summary>A dead module's restart request, unless it is silenced with <c>restartWhileSilenced: 0</c>; true when it was sent.</summary>
    private bool RequestRestart(ModuleHealth module)
    {
        if (_silences?.HoldsRestart(module) == true)
        {
            return false;
        }
        _restarts.RequestRestart(module, _defaultRing);
        return true;
    }

    private void SendRequest(ModuleHealth module, ModulePolicyState state, long now)
    {
        if (RequestRestart(module))
        {
            state.CountRequest(now);
        }
    }

    private void Report(ModuleHealth module, ModulePolicyState state, long now, string text, bool evenWhileFlapping = false)
    {
        if (state.Flapping && !evenWhileFlapping)
        {
            HoldBack(module, text);
            return;
        }
        _reports.ReportHealth(module.Descriptor, module.HeartbeatLimits, module.HeartbeatCounters, now, text);
    }

    /// <summary>A report flap damping keeps from pages and mail is still logged, so the history stays whole.</summary>
    private void HoldBack(ModuleHealth module, string text) =>
        _logit.Write("et", $"statmgr: {module.Descriptor.ModName} is flapping; report held back: {text}\n");

    private static long? BudgetRestoredAt(ModuleHealth module, ModulePolicyState state) =>
        state.BudgetSpent && module.Alive && state.AliveSince is long since && state.Budget is { } budget ? since + budget.WindowSeconds : null;

    private static long? SteadyAt(ModulePolicyState state) =>
        state.Flapping && state.Flap is { } flap ? state.LastChange + flap.WindowSeconds : null;

    private static long? Earlier(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    /// <summary>A duration as whole hours and minutes, e.g. "1h 5m".</summary>
    private static string Duration(long seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}h {seconds % 3600 / 60}m");
}
