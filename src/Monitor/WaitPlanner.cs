namespace Statmgr.Monitor;

/// <summary>
/// Decides how long the main loop waits before it looks at the rings again. C always slept 1,024 ms, so
/// it saw a death up to a second late and could be lapped on a busy ring. The port waits at most
/// that long, and less when something is due sooner: the second at which a module's deadline
/// passes or the pageit heartbeat is due, or the time in which the observed input could lap a
/// ring. In multi-ring mode it also keeps C's two shortenings: no real sleep while messages keep
/// arriving, and a ceiling lowered by a quarter after each missed-messages status (floor 10 ms).
/// </summary>
internal sealed class WaitPlanner
{
    public const int LongestMs = 1024;

    /// <summary>C's floor for the lowered ceiling, also the wait after a busy multi-ring pass.</summary>
    public const int ShortMs = 10;

    /// <summary>C's sleep time: 1,024 ms, lowered only in multi-ring mode after missed messages.</summary>
    public int CeilingMs { get; private set; } = LongestMs;

    /// <summary>C's rule: ceiling/2 + ceiling/4 in integers (about three quarters), never below 10.</summary>
    public int LowerCeilingAfterMiss()
    {
        CeilingMs = Math.Max(CeilingMs / 2 + CeilingMs / 4, ShortMs);
        return CeilingMs;
    }

    /// <param name="now">The wall clock now.</param>
    /// <param name="nextDueSecond">The earliest epoch second at which a chore has work (a deadline, the pageit beat).</param>
    /// <param name="lapGuard">How soon the fastest ring could be lapped at its observed input rate, if known.</param>
    /// <param name="busyMultiRing">Multi-ring mode and the last pass read messages (C would not sleep).</param>
    public TimeSpan Next(DateTimeOffset now, long? nextDueSecond, TimeSpan? lapGuard, bool busyMultiRing)
    {
        var wait = TimeSpan.FromMilliseconds(busyMultiRing ? Math.Min(CeilingMs, ShortMs) : CeilingMs);
        // A sender's clock beyond year 9999 gives a deadline no wait can reach: ignore it.
        if (nextDueSecond is long second && second < LatestSecond)
        {
            var untilDue = DateTimeOffset.FromUnixTimeSeconds(second) - now;
            wait = Min(wait, untilDue);
        }
        if (lapGuard is TimeSpan guard)
        {
            wait = Min(wait, guard);
        }
        if (wait <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        // Whole milliseconds, rounded up, so a wait never ends just before its second.
        return TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));
    }

    private static readonly long LatestSecond = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
