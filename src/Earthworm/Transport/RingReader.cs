namespace Statmgr.Earthworm.Transport;

/// <summary>
/// tport_getmsg / tport_copyfrom, with C's rules, for one attachment: lock-free,
/// optimistic reads validated against keyold, at most one message per call, positions and
/// sequence checks kept per logo in a private table. One instance serves getmsg and flush,
/// another copyfrom, as in C. Not thread-safe: one reader per thread.
/// Unlike C it never exits: a record that cannot be valid makes it skip past everything in the
/// ring and return <see cref="GetStatus.Corrupt"/>, and no loop can spin on a damaged header.
/// </summary>
internal sealed class RingReader
{
    // A writer key reset happens once per 4 GiB of traffic; more restarts than this in one call
    // means the keys themselves are damaged.
    private const int MaxRestarts = 4;

    private readonly RingRegion _region;
    private readonly bool _copyFrom;
    private readonly ReadTrackTable _table = new();

    // An overrun noticed in a call that then found nothing to deliver. C forgets it, so the next
    // gap is reported as MISS_SEQGAP; the port carries it to the next delivered message.
    private bool _lappedPending;

    public RingReader(RingRegion region, bool copyFrom)
    {
        _region = region;
        _copyFrom = copyFrom;
    }

    /// <summary>What was wrong the last time <see cref="GetStatus.Corrupt"/> was returned.</summary>
    public string? LastProblem { get; private set; }

    /// <summary>
    /// Finds the next message a pattern accepts. With <paramref name="copy"/> false (flush) the body
    /// is not copied and no size limit applies; otherwise a body longer than
    /// <paramref name="buffer"/> is TooBig. Outputs are default for None and Corrupt.
    /// </summary>
    public GetStatus Read(ReadOnlySpan<Logo> wanted, Span<byte> buffer, bool copy, out Logo logo, out int length, out byte sequence)
    {
        logo = default;
        length = 0;
        sequence = 0;
        var layout = _region.Layout;
        var headSize = (ulong)layout.TportHeadSize;
        var keyMax = _region.KeyMax;
        Span<byte> headerBytes = stackalloc byte[layout.TportHeadSize];

        _table.AddPatterns(wanted);
        var lapped = _lappedPending;
        for (var restarts = 0; ; restarts++)
        {
            // Where to start: the furthest position of any row the patterns accept, never before
            // keyold for getmsg. keyold is loaded before keyin so that keyold <= keyin holds
            // unless the writer reset the keys in between.
            var keyOld = _region.LoadKeyOld();
            var start = _table.FurthestKeyOut(wanted, _copyFrom ? 0 : keyOld);
            if (_copyFrom && start < keyOld)
            {
                start = keyOld;
                lapped = true;
            }
            var snapIn = _region.LoadKeyIn();
            if (start > snapIn)
            {
                if (restarts >= MaxRestarts)
                {
                    _table.ClampKeyOut(snapIn);
                    _table.SetKeyOut(wanted, snapIn);
                    _lappedPending = _copyFrom && lapped;
                    return GetStatus.None;
                }
                if (_table.RemapAfterKeyReset(_region, snapIn, _region.LoadKeyOld()) && _copyFrom)
                {
                    lapped = true;
                }
                continue;
            }

            var status = GetStatus.None;
            var position = start;
            // Headers read in [checkFrom, position) are trusted only once a fence and a keyold
            // that has not passed checkFrom prove no writer overwrote them while they were read.
            // Checking before anything is delivered or reported, rather than after every header,
            // gives the same results as C's per-header check with one fence per call instead of
            // one per skipped message.
            var checkFrom = start;
            TransportHeader header = default;
            var restart = false;
            while (true)
            {
                if (position >= snapIn)
                {
                    if (checkFrom < position && Overrun(checkFrom))
                    {
                        position = checkFrom = _region.LoadKeyOld();
                        lapped |= _copyFrom;
                        continue;
                    }
                    break;
                }
                keyOld = _region.LoadKeyOld();
                if (position < keyOld)
                {
                    position = checkFrom = keyOld;
                    lapped |= _copyFrom;
                    continue;
                }
                // keyin never runs more than keymax ahead of keyold, so no record before the
                // snapshot of keyin can start further than that past keyold. Damaged keys could
                // otherwise send the walk round and round a ring of valid-looking headers.
                if (position - keyOld > keyMax)
                {
                    if (KeysWereReset(snapIn))
                    {
                        restart = true;
                        break;
                    }
                    return Corrupt($"keyin {snapIn} is more than keymax {keyMax} past keyold {keyOld}");
                }
                var recordStart = position;
                _region.Read(position, headerBytes);
                header = TransportHeader.Decode(headerBytes, layout);
                // Measured as room left before keyin, not as position + header + size, which
                // damaged 64-bit keys near 2^64 would overflow into a walk that never ends.
                var room = snapIn - position;
                if (header.Start != RingLayout.FirstByte || header.Size < 0
                    || (ulong)header.Size > keyMax - headSize || room < headSize || (ulong)header.Size > room - headSize)
                {
                    if (Overrun(checkFrom))
                    {
                        position = checkFrom = _region.LoadKeyOld(); // overwritten while it was read
                        lapped |= _copyFrom;
                        continue;
                    }
                    if (KeysWereReset(snapIn))
                    {
                        restart = true;
                        break;
                    }
                    return Corrupt(header.Start != RingLayout.FirstByte
                        ? $"the record at key {recordStart} starts with 0x{header.Start:X2}, not 0x6F"
                        : $"the record at key {recordStart} claims an impossible size {header.Size}");
                }
                var bodyAt = position + headSize;
                position = bodyAt + (ulong)header.Size;
                if (!Logo.AnyMatches(wanted, header.Logo))
                {
                    continue;
                }
                var tooBig = copy && header.Size > buffer.Length;
                if (copy && !tooBig)
                {
                    _region.Read(bodyAt, buffer[..(int)header.Size]);
                }
                if (Overrun(checkFrom))
                {
                    position = checkFrom = _region.LoadKeyOld(); // overrun while copying: drop it and go on from keyold
                    lapped |= _copyFrom;
                    continue;
                }
                if (KeysWereReset(snapIn))
                {
                    restart = true;
                    break;
                }
                logo = header.Logo;
                length = (int)header.Size;
                sequence = header.Sequence;
                status = tooBig ? GetStatus.TooBig : GetStatus.Ok;
                break;
            }
            if (restart)
            {
                // Go on from the last verified position in the key space the writer's reset made.
                _table.SetKeyOut(wanted, checkFrom);
                if (restarts >= MaxRestarts)
                {
                    _lappedPending = _copyFrom && lapped;
                    return GetStatus.None;
                }
                continue;
            }

            if (status != GetStatus.None)
            {
                status = Track(status, header, lapped);
            }
            _lappedPending = _copyFrom && lapped && status == GetStatus.None;
            _table.SetKeyOut(wanted, position);
            return status;
        }
    }

    /// <summary>Sequence bookkeeping for the delivered (or TooBig) record's exact logo.</summary>
    private GetStatus Track(GetStatus status, TransportHeader header, bool lapped)
    {
        var index = _table.FindOrAdd(header.Logo, header.Sequence);
        if (index < 0)
        {
            return status == GetStatus.TooBig ? status : GetStatus.NoTrack;
        }
        ref var entry = ref _table[index];
        if (!entry.Active)
        {
            entry.Sequence = header.Sequence;
            entry.Active = true;
        }
        if (status == GetStatus.TooBig)
        {
            return status; // a skipped message does not advance the expected sequence
        }
        if (header.Sequence != entry.Sequence)
        {
            status = _copyFrom ? (lapped ? GetStatus.MissLapped : GetStatus.MissSeqGap) : GetStatus.Miss;
            entry.Sequence = header.Sequence;
        }
        entry.Sequence = unchecked((byte)(entry.Sequence + 1));
        return status;
    }

    /// <summary>
    /// True when keyold has passed <paramref name="checkFrom"/>: bytes read from there on may have
    /// been overwritten. A full fence, not just an acquire load, keeps the earlier reads before the check.
    /// </summary>
    private bool Overrun(ulong checkFrom)
    {
        Interlocked.MemoryBarrier();
        return _region.LoadKeyOld() > checkFrom;
    }

    /// <summary>True when keyin went backwards since the snapshot: the writer reset the keys meanwhile.</summary>
    private bool KeysWereReset(ulong snapIn) => _region.LoadKeyIn() < snapIn;

    private GetStatus Corrupt(string problem)
    {
        LastProblem = problem;
        // Skip to the newest position so that the next call reads only messages put from now on.
        _table.SetAllKeyOut(_region.LoadKeyIn());
        return GetStatus.Corrupt;
    }
}
