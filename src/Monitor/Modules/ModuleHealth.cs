using Statmgr.Config;
using Statmgr.Monitor.Messages;
using Statmgr.Monitor.Rings;
using Statmgr.Notify;

namespace Statmgr.Monitor.Modules;

/// <summary>
/// What statmgr knows of one descriptor's module: alive or dead, the sender's time of its last
/// heartbeat, its pid and restart state, and its counters. Plain state a status view could read.
/// </summary>
internal sealed class ModuleHealth
{
    public ModuleHealth(Descriptor descriptor)
    {
        Descriptor = descriptor;
        Restart = descriptor.RestartMe ? RestartState.UnknownPid : RestartState.None;
        var errors = new ErrorRuleState[descriptor.Errors.Count];
        for (int i = 0; i < errors.Length; i++)
        {
            errors[i] = new ErrorRuleState(descriptor.Errors[i]);
        }
        Errors = errors;
        Policy = descriptor.Policy.IsOff ? null : new ModulePolicyState(descriptor.Policy);
    }

    public Descriptor Descriptor { get; }

    /// <summary>A module is assumed alive from startup until its first deadline passes.</summary>
    public bool Alive { get; set; } = true;

    /// <summary>
    /// The sender's time of the last heartbeat, or with <c>HeartbeatClock receive</c> the second statmgr
    /// read it on the heartbeat clock (statmgr's startup time before the first).
    /// </summary>
    public long Timer { get; set; }

    /// <summary>The heartbeat <c>tsec</c>; 0 means the heartbeat is not monitored.</summary>
    public int Tsec => Descriptor.HeartbeatTsec;

    public bool IsMonitored => Tsec != 0;

    public ReportLimits HeartbeatLimits => new(Descriptor.HeartbeatPage, Descriptor.HeartbeatMail);

    public ReportCounters HeartbeatCounters { get; private set; } = new();

    public RestartState Restart { get; set; }

    /// <summary>The pid from the last heartbeat that carried one, as sent; empty until then.</summary>
    public string Pid { get; private set; } = "";

    /// <summary>The ring that carried the last heartbeat (where a restart request goes).</summary>
    public MonitoredRing? HeartbeatRing { get; set; }

    public IReadOnlyList<ErrorRuleState> Errors { get; }

    /// <summary>
    /// statmgr's epoch second of the last change a status view shows: alive or dead, stopped or
    /// watched again, a restart requested (startup before the first).
    /// </summary>
    public long LastChange { get; private set; }

    /// <summary>TYPE_RESTART requests sent for this module since startup.</summary>
    public int RestartsRequested { get; private set; }

    /// <summary>A restart was requested since the module last died.</summary>
    public bool RestartPending { get; private set; }

    /// <summary>The expiry scan found it dead at <paramref name="now"/>.</summary>
    public void MarkDead(long now)
    {
        Alive = false;
        RestartPending = false;
        LastChange = now;
    }

    /// <summary>A restart request went out at <paramref name="now"/>.</summary>
    public void CountRestartRequest(long now)
    {
        RestartsRequested++;
        RestartPending = true;
        LastChange = now;
    }

    /// <summary>Some other change a status view shows (back alive, stopped, watched again) happened at <paramref name="now"/>.</summary>
    public void MarkChanged(long now) => LastChange = now;

    /// <summary>The alert policy's memory of this module; null when no policy rule is on (C's rules only).</summary>
    public ModulePolicyState? Policy { get; private set; }

    /// <summary>First error rule with that number (C's linear scan), or null.</summary>
    public ErrorRuleState? FindError(short number)
    {
        foreach (var state in Errors)
        {
            if (state.Rule.Number == number)
            {
                return state;
            }
        }
        return null;
    }

    /// <summary>
    /// One heartbeat from this module, carried by <paramref name="ring"/>: keep its pid and arm a
    /// restartMe module that waited for one (C arms only on a heartbeat with a pid, B5), remember
    /// the ring for restart requests, and for a monitored module restart its timer with the
    /// sender's time, or <paramref name="readTime"/> when the heartbeat clock is statmgr's. True when
    /// the module was dead and is now alive again (to be reported).
    /// </summary>
    public bool OnHeartbeat(HeartbeatMessage heartbeat, MonitoredRing ring, long? readTime = null)
    {
        if (heartbeat.HasPid)
        {
            SetPid(heartbeat.Pid);
            if (Restart == RestartState.UnknownPid)
            {
                Restart = RestartState.RestartMe;
            }
        }
        HeartbeatRing = ring;
        if (!IsMonitored)
        {
            return false;
        }
        bool cameBack = !Alive;
        Alive = true;
        Timer = readTime ?? heartbeat.Time;
        return cameBack;
    }

    /// <summary>Keeps the pid bytes of a heartbeat; allocates only when the pid changes.</summary>
    private void SetPid(ReadOnlySpan<byte> pid)
    {
        if (pid.Length == Pid.Length)
        {
            bool same = true;
            for (int i = 0; i < pid.Length && same; i++)
            {
                same = pid[i] == Pid[i];
            }
            if (same)
            {
                return;
            }
        }
        Pid = MessageText.Decode(pid);
    }

    /// <summary>
    /// At startup, once the startup report is out: assume alive since <paramref name="now"/> (so
    /// each module gets a full tsec before it can be called dead) and zero every counter.
    /// </summary>
    public void Reset(long now)
    {
        Alive = true;
        Timer = now;
        LastChange = now;
        HeartbeatCounters.Reset();
        foreach (var state in Errors)
        {
            state.Reset(now);
        }
    }

    /// <summary>
    /// A reload kept this module (same installation and module id): it goes on from
    /// <paramref name="previous"/>'s state, so no timer, counter or restart state starts over,
    /// under its new descriptor's rules. The ring of its last heartbeat is kept only when
    /// <paramref name="ringKept"/> says that ring is still read. A restartMe line added to a module
    /// whose pid is known arms it at once; one removed disarms it. A module monitored only from
    /// now on has no timer worth keeping: it gets a full tsec from <paramref name="now"/>, as a new one.
    /// </summary>
    public void ContinueFrom(ModuleHealth previous, long now, Func<MonitoredRing, bool> ringKept)
    {
        bool newlyMonitored = IsMonitored && !previous.IsMonitored;
        Alive = newlyMonitored || previous.Alive;
        Timer = newlyMonitored ? now : previous.Timer;
        Pid = previous.Pid;
        Restart = !Descriptor.RestartMe ? RestartState.None
            : previous.Restart != RestartState.None ? previous.Restart
            : Pid.Length > 0 ? RestartState.RestartMe : RestartState.UnknownPid;
        HeartbeatRing = previous.HeartbeatRing is { } ring && ringKept(ring) ? ring : null;
        LastChange = previous.LastChange;
        RestartsRequested = previous.RestartsRequested;
        RestartPending = previous.RestartPending;
        HeartbeatCounters = previous.HeartbeatCounters;
        foreach (var state in Errors)
        {
            // Matched by err number; a second rule with the same number is never used (C's scan stops at the first).
            if (ReferenceEquals(FindError(state.Rule.Number), state) && previous.FindError(state.Rule.Number) is { } before)
            {
                state.ContinueFrom(before);
            }
        }
        if (Policy is not null && previous.Policy is not null && Descriptor.Policy.SameAs(previous.Descriptor.Policy))
        {
            Policy = previous.Policy;
        }
    }

    /// <summary>
    /// The first whole second at which C's <c>now - timer &gt; tsec</c> holds, or null when the
    /// module cannot die (not monitored, or already dead).
    /// </summary>
    public long? DeathSecond
    {
        get
        {
            if (!IsMonitored || !Alive)
            {
                return null;
            }
            // A sender clock near the end of time never expires rather than wrapping around.
            long latest = Tsec >= 0 ? long.MaxValue - Tsec - 1 : long.MaxValue;
            return Timer > latest ? null : Timer + Tsec + 1;
        }
    }
}

/// <summary>C's restart states, with C's numbers (they show in no output, but keep the story readable).</summary>
internal enum RestartState
{
    /// <summary>No <c>restartMe</c> line: never restarted.</summary>
    None = 0,

    /// <summary>Restartable: its pid is known from a heartbeat.</summary>
    RestartMe = 1,

    /// <summary><c>restartMe</c> given, but no heartbeat with a pid seen yet.</summary>
    UnknownPid = 2,

    /// <summary>Stopped on purpose (TYPE_STOP): reported dead, but not restarted.</summary>
    Stopped = 3,
}
