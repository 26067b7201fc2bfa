namespace Statmgr.Earthworm.Transport;

/// <summary>
/// An attached ring: mapped memory, the writers' lock, and this attachment's put table and two
/// read tables (getmsg/flush and copyfrom). Created by <see cref="SystemVRing"/> or WindowsRing.
/// </summary>
internal sealed class TransportRing : ITransportRing
{
    private readonly IRingMapping _mapping;
    private readonly IRingLock _lock;
    private readonly RingRegion _region;
    private readonly PutSequenceTable _putTable = new();
    private readonly RingReader _getReader;
    private readonly RingReader _copyReader;
    private readonly Lock _putGate = new();
    private bool _disposed;

    internal TransportRing(string name, long key, IRingMapping mapping, RingRegion region, IRingLock ringLock)
    {
        Name = name;
        Key = key;
        _mapping = mapping;
        _region = region;
        _lock = ringLock;
        _getReader = new RingReader(region, copyFrom: false);
        _copyReader = new RingReader(region, copyFrom: true);
    }

    public string Name { get; }

    public long Key { get; }

    public RingLayout Layout => _region.Layout;

    /// <summary>Ring capacity (keymax) as read at attach time.</summary>
    public ulong KeyMax => _region.KeyMax;

    /// <summary>The largest body <see cref="Put"/> accepts: keymax − sizeof(TPORT_HEAD).</summary>
    public long MaxBody => _region.Layout.MaxBody(_region.KeyMax);

    public string? LastProblem { get; private set; }

    public bool IsStale
    {
        get
        {
            ThrowIfDisposed();
            return _mapping.IsStale;
        }
    }

    public int Flag
    {
        get
        {
            ThrowIfDisposed();
            return _region.Flag;
        }
    }

    public void SetFlag(int value)
    {
        ThrowIfDisposed();
        _region.Flag = value;
    }

    public RingHeaderSnapshot ReadHeader()
    {
        ThrowIfDisposed();
        return _region.Snapshot();
    }

    /// <summary>Segment and semaphore ids (System V) or object names (Windows).</summary>
    public string DescribeMapping() => _mapping.Describe();

    public PutStatus Put(Logo logo, ReadOnlySpan<byte> body) => Put(logo, body, wait: true);

    public PutStatus TryPut(Logo logo, ReadOnlySpan<byte> body) => Put(logo, body, wait: false);

    private PutStatus Put(Logo logo, ReadOnlySpan<byte> body, bool wait)
    {
        ThrowIfDisposed();
        if (!Fits(body))
        {
            return PutStatus.TooBig;
        }
        lock (_putGate)
        {
            if (!_putTable.TryGetSlot(logo, out var slot))
            {
                return PutStatus.NoTrack; // checked before the lock is taken, so it can never stay held
            }
            var status = WriteLocked(logo, _putTable.Peek(slot), body, wait);
            if (status == PutStatus.Ok)
            {
                _putTable.Advance(slot);
            }
            return status;
        }
    }

    public PutStatus CopyTo(Logo logo, ReadOnlySpan<byte> body, byte sequence)
    {
        ThrowIfDisposed();
        if (!Fits(body))
        {
            return PutStatus.TooBig;
        }
        lock (_putGate)
        {
            return WriteLocked(logo, sequence, body, wait: true);
        }
    }

    public GetStatus GetMessage(ReadOnlySpan<Logo> wanted, Span<byte> buffer, out Logo logo, out int length)
    {
        ThrowIfDisposed();
        var status = _getReader.Read(wanted, buffer, copy: true, out logo, out length, out _);
        NoteCorruption(status, _getReader);
        return status;
    }

    public GetStatus CopyFrom(ReadOnlySpan<Logo> wanted, Span<byte> buffer, out Logo logo, out int length, out byte sequence)
    {
        ThrowIfDisposed();
        var status = _copyReader.Read(wanted, buffer, copy: true, out logo, out length, out sequence);
        NoteCorruption(status, _copyReader);
        return status;
    }

    public void Flush(ReadOnlySpan<Logo> wanted)
    {
        ThrowIfDisposed();
        // At most one message per call, and no more calls than the ring can hold records, so a
        // writer that outpaces the flush cannot keep it looping.
        var limit = _region.KeyMax / (ulong)_region.Layout.TportHeadSize + 1;
        for (ulong i = 0; i < limit; i++)
        {
            var status = _getReader.Read(wanted, Span<byte>.Empty, copy: false, out _, out _, out _);
            NoteCorruption(status, _getReader);
            if (status is GetStatus.None or GetStatus.Corrupt)
            {
                return;
            }
        }
    }

    /// <summary>Detaches (the ring itself stays).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _lock.Dispose();
        _mapping.Dispose();
    }

    internal RingRegion Region => _region;

    /// <summary>The whole mapped region, header included, for byte-level inspection.</summary>
    internal unsafe ReadOnlySpan<byte> MappedBytes
    {
        get
        {
            ThrowIfDisposed();
            return new ReadOnlySpan<byte>(_mapping.BaseAddress, (int)Math.Min(_mapping.MappedBytes, int.MaxValue));
        }
    }

    private bool Fits(ReadOnlySpan<byte> body) =>
        (ulong)body.Length + (ulong)_region.Layout.TportHeadSize <= _region.KeyMax;

    private PutStatus WriteLocked(Logo logo, byte sequence, ReadOnlySpan<byte> body, bool wait)
    {
        string? lockProblem;
        switch (wait ? _lock.Enter(out lockProblem) : _lock.TryEnter(out lockProblem))
        {
            case RingLockResult.TimedOut:
                LastProblem = $"ring {Name} (key {Key}): {lockProblem}";
                return PutStatus.LockTimeout;
            case RingLockResult.Failed:
                LastProblem = $"ring {Name} (key {Key}): {lockProblem}";
                return PutStatus.LockFailed;
        }
        try
        {
            var status = RingWriter.Write(_region, logo, sequence, body, out var problem);
            if (status == PutStatus.Corrupt)
            {
                LastProblem = $"ring {Name} (key {Key}) is corrupt: {problem}";
            }
            return status;
        }
        finally
        {
            _lock.Exit();
        }
    }

    private void NoteCorruption(GetStatus status, RingReader reader)
    {
        if (status == GetStatus.Corrupt)
        {
            LastProblem = $"ring {Name} (key {Key}) is corrupt: {reader.LastProblem}; skipped to the newest message";
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
