using System.Globalization;

namespace Statmgr.Monitor.Messages;

/// <summary>
/// How far ahead of statmgr's clock a sender's time may be. C kept times in 32 bits, so a stamp
/// such as 9999999999 became a time long past and the module was reported dead at once; in 64
/// bits the same stamp would hold the module's timer for centuries and hide its death. A heartbeat
/// or error stamped more than <see cref="MaxSecondsAhead"/> after statmgr's clock is therefore a
/// decode error and changes nothing.
/// </summary>
internal sealed class SenderTimeLimit
{
    /// <summary>One day: more than any real clock skew between Earthworm hosts.</summary>
    public const long MaxSecondsAhead = 86_400;

    private readonly Func<long> _now;
    private long _latest = long.MinValue;

    /// <param name="now">statmgr's clock in epoch seconds.</param>
    public SenderTimeLimit(Func<long> now) => _now = now;

    /// <summary>
    /// True when <paramref name="senderTime"/> is at most a day after statmgr's clock. The clock is
    /// read only when a time passes the latest bound computed, so normal traffic reads it about once
    /// a day. After the clock is set back, the old bound stays in use until a time passes it: the
    /// limit is then loose by the size of that step, never tight.
    /// </summary>
    public bool Admits(long senderTime)
    {
        if (senderTime <= _latest)
        {
            return true;
        }
        long now = _now();
        _latest = now > long.MaxValue - MaxSecondsAhead ? long.MaxValue : now + MaxSecondsAhead;
        return senderTime <= _latest;
    }

    /// <summary>The decode-error text for a time beyond the limit, worded as C's decode errors, quoting the digits sent.</summary>
    public static string TooFarAhead(string field, ReadOnlySpan<byte> timeToken, byte fromModule) =>
        string.Create(CultureInfo.InvariantCulture,
            $"error decoding {field}, <{MessageText.Decode(timeToken)}> is more than {MaxSecondsAhead} s ahead of statmgr's clock, from mod:{fromModule}");
}
