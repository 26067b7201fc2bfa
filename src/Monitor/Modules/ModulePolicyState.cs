using Statmgr.Config;

namespace Statmgr.Monitor.Modules;

/// <summary>
/// What the alert policy remembers of one module: the restart requests it sent, the request
/// waiting for its backoff delay, whether the budget is spent, when the module died (for
/// reminders) and its recent returns to life (for flap damping). Times are statmgr's clock in
/// whole seconds. Exists only for a module with some rule on, so C's modules carry nothing.
/// </summary>
internal sealed class ModulePolicyState
{
    /// <summary>
    /// How long a module must live for its backoff to start again at the minimum, when no
    /// budget gives that window: ten minutes, as Kubernetes resets CrashLoopBackOff.
    /// </summary>
    public const int DefaultBackoffWindowSeconds = 600;

    private readonly Queue<long> _requests = new();
    private readonly Queue<long> _comebacks = new();

    public ModulePolicyState(AlertPolicySettings settings)
    {
        Budget = settings.Budget is { IsOn: true } budget ? budget : null;
        Backoff = settings.Backoff is { IsOn: true } backoff ? backoff : null;
        RemindSeconds = settings.RemindSeconds is > 0 and var remind ? remind : 0;
        Flap = settings.Flap is { IsOn: true } flap ? flap : null;
    }

    public RestartBudget? Budget { get; }
    public RestartBackoff? Backoff { get; }
    public int RemindSeconds { get; }
    public FlapLimit? Flap { get; }

    /// <summary>True when the restart requests go through the budget and backoff rules.</summary>
    public bool RulesRestarts => Budget is not null || Backoff is not null;

    /// <summary>The window in which a new death doubles the backoff.</summary>
    public int BackoffWindowSeconds => Budget?.WindowSeconds ?? DefaultBackoffWindowSeconds;

    /// <summary>Set when the budget ran out; no request goes out until it is restored.</summary>
    public bool BudgetSpent { get; set; }

    /// <summary>When the module last came back to life (statmgr's clock); null while it has not.</summary>
    public long? AliveSince { get; set; }

    /// <summary>The second at which a delayed restart request is due; null when none waits.</summary>
    public long? PendingRestartAt { get; set; }

    /// <summary>The delay used for the last restart request, 0 before the first.</summary>
    public int LastDelaySeconds { get; set; }

    /// <summary>When the last restart request went out; null before the first.</summary>
    public long? LastRequest { get; private set; }

    /// <summary>When the module was found dead; null while alive.</summary>
    public long? DeadSince { get; set; }

    /// <summary>The second at which the next "still dead" reminder is due; null when none is.</summary>
    public long? NextReminder { get; set; }

    /// <summary>True while the module is flapping and its dead/alive reports are held back.</summary>
    public bool Flapping { get; set; }

    /// <summary>When the module last went dead or alive (flap damping's steadiness starts there).</summary>
    public long LastChange { get; set; }

    /// <summary>Notes a restart request sent at <paramref name="now"/>.</summary>
    public void CountRequest(long now)
    {
        _requests.Enqueue(now);
        LastRequest = now;
    }

    /// <summary>Restart requests sent within the budget's window before <paramref name="now"/>.</summary>
    public int RequestsInWindow(long now, int windowSeconds) => InWindow(_requests, now, windowSeconds);

    /// <summary>The budget is whole again: no request counts any more, the backoff starts over.</summary>
    public void RestoreBudget()
    {
        _requests.Clear();
        BudgetSpent = false;
        LastDelaySeconds = 0;
    }

    /// <summary>
    /// The delay before the restart request for a death at <paramref name="now"/>: the minimum,
    /// or twice the last delay (at most the maximum) when the module dies again within the window
    /// of its last restart request.
    /// </summary>
    public int NextDelay(long now)
    {
        if (Backoff is not { } backoff)
        {
            return 0;
        }
        bool again = LastRequest is long last && now - last <= BackoffWindowSeconds && LastDelaySeconds > 0;
        LastDelaySeconds = again ? (int)Math.Min((long)LastDelaySeconds * 2, backoff.MaxSeconds) : backoff.MinSeconds;
        return LastDelaySeconds;
    }

    /// <summary>Notes a return to life at <paramref name="now"/>; the number of returns within the window.</summary>
    public int CountComeback(long now, int windowSeconds)
    {
        _comebacks.Enqueue(now);
        return InWindow(_comebacks, now, windowSeconds);
    }

    /// <summary>Flapping is over: returns before now no longer count.</summary>
    public void EndFlapping()
    {
        Flapping = false;
        _comebacks.Clear();
    }

    private static int InWindow(Queue<long> times, long now, int windowSeconds)
    {
        while (times.Count > 0 && now - times.Peek() >= windowSeconds)
        {
            times.Dequeue();
        }
        return times.Count;
    }
}
