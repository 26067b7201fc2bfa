using System.Globalization;

namespace Statmgr.Config;

/// <summary>
/// The opt-in alert policy of one descriptor (or statmgr.d's defaults for every descriptor):
/// restart budget and backoff, "still dead" reminders, flap damping. A setting left null was not
/// given; one given as 0 is off, so a descriptor can switch off what statmgr.d turns on. With
/// nothing given, statmgr behaves as C does.
/// </summary>
internal sealed class AlertPolicySettings
{
    /// <summary>At most this many restart requests within a window (systemd's StartLimitBurst/IntervalSec).</summary>
    public RestartBudget? Budget { get; set; }

    /// <summary>The delay before a restart request (systemd's RestartSteps/RestartMaxDelaySec, CrashLoopBackOff).</summary>
    public RestartBackoff? Backoff { get; set; }

    /// <summary>Seconds between "still dead" reminders (monit's reminder, Nagios' notification_interval); 0 is off.</summary>
    public int? RemindSeconds { get; set; }

    /// <summary>Flap damping (Nagios' flap detection).</summary>
    public FlapLimit? Flap { get; set; }

    /// <summary>What a descriptor that does not say <c>restartWhileSilenced:</c> gets: a silenced module that dies is restarted.</summary>
    public const bool DefaultRestartWhileSilenced = true;

    /// <summary><c>restartWhileSilenced: 0|1</c>; null when the descriptor does not say.</summary>
    public bool? RestartWhileSilenced { get; set; }

    /// <summary>Whether a silenced module that dies gets its restart request.</summary>
    public bool RestartsWhileSilenced => RestartWhileSilenced ?? DefaultRestartWhileSilenced;

    /// <summary>True when no rule is on: the module follows C's rules only.</summary>
    public bool IsOff =>
        Budget is not { IsOn: true } && Backoff is not { IsOn: true } && RemindSeconds is not > 0 && Flap is not { IsOn: true };

    /// <summary>True when <paramref name="other"/> sets the same rules to the same values.</summary>
    public bool SameAs(AlertPolicySettings other) =>
        Budget == other.Budget && Backoff == other.Backoff && RemindSeconds == other.RemindSeconds && Flap == other.Flap;

    /// <summary>
    /// The commands that set what is set here, as written in a descriptor (<c>restartBudget: 2 120</c>)
    /// or, unless <paramref name="inDescriptor"/>, in statmgr.d (<c>RestartBudget 2 120</c>): what
    /// <c>--check</c>'s dump shows after C's lines. Empty when nothing is set.
    /// </summary>
    public IEnumerable<string> CommandLines(bool inDescriptor)
    {
        string Name(string descriptorName) =>
            inDescriptor ? descriptorName + ":" : char.ToUpperInvariant(descriptorName[0]) + descriptorName[1..];
        if (Budget is { } budget)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{Name("restartBudget")} {budget.Restarts} {budget.WindowSeconds}");
        }
        if (Backoff is { } backoff)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{Name("restartBackoff")} {backoff.MinSeconds} {backoff.MaxSeconds}");
        }
        if (RemindSeconds is { } remind)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{Name("remind")} {remind}");
        }
        if (Flap is { } flap)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{Name("flapLimit")} {flap.Changes} {flap.WindowSeconds}");
        }
        if (RestartWhileSilenced is { } restart)
        {
            yield return $"{Name("restartWhileSilenced")} {(restart ? 1 : 0)}";
        }
    }

    /// <summary>
    /// Fills what this descriptor did not say from statmgr.d's defaults. The restart rules are
    /// defaults only for a descriptor that says <c>restartMe</c>: no other module is restarted.
    /// </summary>
    public void FillFrom(AlertPolicySettings defaults, bool restartMe)
    {
        if (restartMe)
        {
            Budget ??= defaults.Budget;
            Backoff ??= defaults.Backoff;
        }
        RemindSeconds ??= defaults.RemindSeconds;
        Flap ??= defaults.Flap;
    }
}

/// <summary>At most <paramref name="Restarts"/> restart requests within <paramref name="WindowSeconds"/>; 0 restarts is off.</summary>
internal readonly record struct RestartBudget(int Restarts, int WindowSeconds)
{
    public bool IsOn => Restarts > 0;
}

/// <summary>A restart request waits <paramref name="MinSeconds"/>, doubling up to <paramref name="MaxSeconds"/>; 0 is off.</summary>
internal readonly record struct RestartBackoff(int MinSeconds, int MaxSeconds)
{
    public bool IsOn => MinSeconds > 0;
}

/// <summary>More than <paramref name="Changes"/> returns to life within <paramref name="WindowSeconds"/> is flapping; 0 is off.</summary>
internal readonly record struct FlapLimit(int Changes, int WindowSeconds)
{
    public bool IsOn => Changes > 0;
}
