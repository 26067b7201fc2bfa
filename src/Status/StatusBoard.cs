namespace Statmgr.Status;

/// <summary>
/// Where the main loop publishes: the latest snapshot (replaced whole, at most once a second) and
/// the monotonic time of its last pass (a plain number, every pass). Readers on other threads only
/// read; nothing here can block the loop.
/// </summary>
internal sealed class StatusBoard
{
    private StatusSnapshot? _latest;
    private long _lastPassTimestamp;
    private long _published;

    public StatusBoard(TimeProvider time)
    {
        Time = time;
        _lastPassTimestamp = time.GetTimestamp();
    }

    /// <summary>The clock the loop's timestamps are read on.</summary>
    public TimeProvider Time { get; }

    /// <summary>The latest snapshot, or null before the first pass published one.</summary>
    public StatusSnapshot? Latest => Volatile.Read(ref _latest);

    /// <summary>How many snapshots were published: a reader that saw this number has seen them all.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>How long ago the loop's last pass was, on the monotonic clock.</summary>
    public TimeSpan SinceLastPass => Time.GetElapsedTime(Volatile.Read(ref _lastPassTimestamp));

    /// <summary>The loop, every pass: it went round just now.</summary>
    public void MarkPass(long timestamp) => Volatile.Write(ref _lastPassTimestamp, timestamp);

    /// <summary>The loop: replaces the snapshot.</summary>
    public void Publish(StatusSnapshot snapshot)
    {
        Volatile.Write(ref _latest, snapshot);
        Interlocked.Increment(ref _published);
    }
}
