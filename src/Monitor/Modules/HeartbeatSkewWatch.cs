using System.Globalization;
using Statmgr.Config;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Monitor.Modules;

/// <summary>
/// HeartbeatSkew: says in the log when a module's heartbeat time is more than the limit away from
/// statmgr's clock, whichever clock times the heartbeats. With <c>HeartbeatClock sender</c> such a
/// module is judged on a clock that is wrong; with <c>receive</c> it is not, but the host's clock
/// still stamps its other messages. Said once when it starts, again at most hourly while it lasts
/// (a reminder, not a flood at every heartbeat), and once when it ends.
/// </summary>
internal sealed class HeartbeatSkewWatch
{
    public static readonly TimeSpan ReminderInterval = TimeSpan.FromHours(1);

    private readonly int _limit;
    private readonly ILogit _logit;
    private readonly TimeProvider _time;

    // Only the modules whose clock is off, with the timestamp of their last line: a heartbeat of a
    // module in step finds an empty table and costs nothing.
    private readonly Dictionary<ModuleHealth, long> _lastSaid = new();

    /// <param name="limit">Seconds of skew allowed; 0 checks nothing.</param>
    public HeartbeatSkewWatch(int limit, ILogit logit, TimeProvider time)
    {
        _limit = limit;
        _logit = logit;
        _time = time;
    }

    /// <summary>One heartbeat of <paramref name="module"/> stamped <paramref name="senderTime"/>, read at <paramref name="now"/> (statmgr's epoch seconds).</summary>
    public void Check(ModuleHealth module, long senderTime, long now)
    {
        if (_limit <= 0)
        {
            return;
        }
        long skew = senderTime - now;
        if (skew >= -_limit && skew <= _limit)
        {
            if (_lastSaid.Count > 0 && _lastSaid.Remove(module))
            {
                _logit.Write("et", string.Create(CultureInfo.InvariantCulture,
                    $"statmgr: clock skew for {Name(module.Descriptor)} ended: its heartbeat time is within {_limit} s of statmgr's clock ({skew} s)\n"));
            }
            return;
        }
        long timestamp = _time.GetTimestamp();
        bool known = _lastSaid.TryGetValue(module, out long last);
        if (known && _time.GetElapsedTime(last, timestamp) < ReminderInterval)
        {
            return;
        }
        _lastSaid[module] = timestamp;
        string direction = skew < 0 ? "behind" : "ahead of";
        _logit.Write("et", string.Create(CultureInfo.InvariantCulture,
            $"statmgr: clock skew {skew} s for {Name(module.Descriptor)}{(known ? " still" : "")}: its heartbeat time is {Math.Abs(skew)} s {direction} statmgr's clock (HeartbeatSkew {_limit})\n"));
    }

    private static string Name(Descriptor descriptor) => $"{descriptor.SysName}/{descriptor.ModName} ({descriptor.ModIdName})";
}
