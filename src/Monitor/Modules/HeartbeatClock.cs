using Statmgr.Config;

namespace Statmgr.Monitor.Modules;

/// <summary>
/// The clock heartbeat timers run on (HeartbeatClock). <c>sender</c>, C's way (B26): a timer holds
/// the time written in the heartbeat and is judged against statmgr's wall clock, so a sender whose
/// clock is off looks dead while it beats, or alive after it stopped. <c>receive</c>: a timer holds
/// the second statmgr read the heartbeat, counted on the monotonic clock from the second of
/// startup, so neither the sender's clock nor a step of statmgr's own moves a deadline. Both are
/// epoch-like seconds, so the death rule (now - timer &gt; tsec, in whole seconds) is the same.
/// </summary>
internal sealed class HeartbeatClock
{
    private readonly TimeProvider _time;
    private long _originSecond;
    private long _originTimestamp;

    public HeartbeatClock(HeartbeatClockMode mode, TimeProvider time)
    {
        ReadsOnReceipt = mode == HeartbeatClockMode.Receive;
        _time = time;
        Start(EpochClock.Now(time));
    }

    /// <summary>True in <c>receive</c> mode: a heartbeat is timed by the moment statmgr read it.</summary>
    public bool ReadsOnReceipt { get; }

    /// <summary>
    /// At startup, when every module's timer is set to <paramref name="now"/>: the monotonic count
    /// starts at the beginning of that wall-clock second, so its seconds tick with the wall clock's.
    /// </summary>
    public void Start(long now)
    {
        long timestamp = _time.GetTimestamp();
        var intoSecond = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(now);
        _originSecond = now;
        _originTimestamp = timestamp - (long)(intoSecond.TotalSeconds * _time.TimestampFrequency);
    }

    /// <summary>Now on the timers' clock, given statmgr's wall clock <paramref name="wallNow"/> in epoch seconds.</summary>
    public long Now(long wallNow) =>
        ReadsOnReceipt ? _originSecond + (long)Math.Floor(_time.GetElapsedTime(_originTimestamp).TotalSeconds) : wallNow;

    /// <summary>
    /// The wall-clock epoch second at or after which the timers' clock reaches <paramref name="second"/>,
    /// for the wait planner (rounded up, so the loop never wakes just before a deadline and spins).
    /// </summary>
    public long ToWallSecond(long second)
    {
        if (!ReadsOnReceipt)
        {
            return second;
        }
        var until = TimeSpan.FromSeconds(second - _originSecond) - _time.GetElapsedTime(_originTimestamp);
        var at = _time.GetUtcNow() + until;
        long wall = at.ToUnixTimeSeconds();
        return at > DateTimeOffset.FromUnixTimeSeconds(wall) ? wall + 1 : wall;
    }
}
