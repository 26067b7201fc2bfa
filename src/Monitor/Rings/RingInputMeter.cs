using Statmgr.Earthworm.Transport;

namespace Statmgr.Monitor.Rings;

/// <summary>
/// How fast writers fill one ring, from SHM_HEAD.keyin (every byte ever written), so the idle
/// wait can end before they could overwrite what statmgr has not read yet. The rate is the
/// recent peak: a burst counts at once and is forgotten by halves each second.
/// </summary>
internal sealed class RingInputMeter
{
    /// <summary>Look again when half of the ring could have been written.</summary>
    private const double LapShare = 0.5;

    /// <summary>More than this share written between two looks is a burst the average understates.</summary>
    private const double BurstShare = 0.75;

    /// <summary>How soon to look again after such a burst, to measure it over a short span.</summary>
    private static readonly TimeSpan Remeasure = TimeSpan.FromMilliseconds(1);

    private bool _started;
    private ulong _lastKeyIn;
    private long _lastTimestamp;

    /// <summary>Recent peak input, bytes per second.</summary>
    public double BytesPerSecond { get; private set; }

    /// <summary>Takes one header reading; returns how long statmgr may wait before it could be lapped, if writers are active.</summary>
    public TimeSpan? Sample(RingHeaderSnapshot header, long timestamp, TimeProvider time)
    {
        var burst = false;
        if (_started && header.KeyIn >= _lastKeyIn)
        {
            // A flood that began late in a long wait, averaged over the whole wait, looks slower
            // than it is; waiting by that rate would let it lap the ring a second time.
            burst = header.KeyIn - _lastKeyIn > header.KeyMax * BurstShare;
            double elapsed = time.GetElapsedTime(_lastTimestamp, timestamp).TotalSeconds;
            if (elapsed > 0)
            {
                double recent = (header.KeyIn - _lastKeyIn) / elapsed;
                BytesPerSecond = Math.Max(recent, BytesPerSecond * Math.Pow(0.5, elapsed));
            }
        }
        // A key reset (ILP32 rings) or the first reading only starts the measurement.
        _started = true;
        _lastKeyIn = header.KeyIn;
        _lastTimestamp = timestamp;
        if (burst)
        {
            return Remeasure;
        }
        double seconds = header.KeyMax / BytesPerSecond * LapShare;
        // Only a guard shorter than the longest idle wait matters (and a quiet ring gives infinity).
        return seconds < WaitPlanner.LongestMs / 1000.0 ? TimeSpan.FromSeconds(seconds) : null;
    }
}
