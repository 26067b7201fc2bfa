namespace Statmgr.Earthworm.Transport;

/// <summary>
/// Earthworm rings as System V shared memory plus a one-member semaphore set with the same key
/// (System V keeps the two in separate name spaces): create, attach, destroy. Attaching never creates or registers anything,
/// and nothing here touches FLAG_RING.
/// </summary>
internal static unsafe class SystemVRing
{
    /// <summary>
    /// tport_create: removes any segment with this key, creates a new one of
    /// <paramref name="sizeBytes"/> (mode 0666), writes a fresh header, creates or reuses the
    /// semaphore with value 1, and returns an attachment to it.
    /// </summary>
    public static TransportRing Create(string name, long key, long sizeBytes, RingLayout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        layout ??= RingLayout.Lp64;
        if (layout == RingLayout.Llp64)
        {
            throw new ArgumentException("the LLP64 layout is Windows-only", nameof(layout));
        }
        var minimum = layout.ShmHeadSize + layout.TportHeadSize;
        if (sizeBytes < minimum || sizeBytes - layout.ShmHeadSize > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(sizeBytes), sizeBytes,
                $"a ring needs {minimum} to {(long)int.MaxValue + layout.ShmHeadSize} bytes");
        }
        var keyT = SystemVIpc.ToKeyT(key);

        // Remove whatever has the key now, whatever its size (C asks with the new size and so
        // cannot remove a smaller stale segment). Attached processes keep the orphaned memory.
        var existing = SystemVIpc.ShmGet(keyT, 0, 0);
        if (existing >= 0 && SystemVIpc.ShmCtl(existing, SystemVIpc.IpcRmid, null) != 0)
        {
            throw Failure(name, key, $"cannot remove the old segment (shmid {existing})", SystemVIpc.LastErrno);
        }
        var shmId = SystemVIpc.ShmGet(keyT, (nuint)sizeBytes,
            SystemVIpc.IpcCreat | SystemVIpc.IpcExcl | SystemVIpc.ModeReadWriteAll);
        if (shmId < 0)
        {
            throw Failure(name, key, $"cannot create a segment of {sizeBytes} bytes", SystemVIpc.LastErrno);
        }
        var address = SystemVIpc.ShmAt(shmId, 0, 0);
        if (address == -1)
        {
            var errno = SystemVIpc.LastErrno;
            _ = SystemVIpc.ShmCtl(shmId, SystemVIpc.IpcRmid, null);
            throw Failure(name, key, "cannot attach the new segment", errno);
        }
        RingRegion.InitializeHeader((byte*)address, sizeBytes, layout);

        var semId = SystemVIpc.SemGet(keyT, 1, SystemVIpc.IpcCreat | SystemVIpc.ModeReadWriteAll);
        if (semId < 0 || SystemVIpc.SemCtl(semId, 0, SystemVIpc.SetVal, 1) != 0)
        {
            var errno = SystemVIpc.LastErrno;
            _ = SystemVIpc.ShmDt(address);
            _ = SystemVIpc.ShmCtl(shmId, SystemVIpc.IpcRmid, null);
            throw Failure(name, key, "cannot create the ring semaphore", errno);
        }
        return Open(name, key, new SystemVMapping(keyT, shmId, semId, address, sizeBytes), layout);
    }

    /// <summary>
    /// tport_attach without the flag ring: maps the existing segment read-write, finds its layout
    /// (detected from the header, or the forced one, which must match) and its semaphore.
    /// </summary>
    /// <exception cref="RingNotFoundException">No segment has the key.</exception>
    /// <exception cref="TransportRingException">The segment cannot be attached, has no semaphore, or its header fits no layout.</exception>
    public static TransportRing Attach(string name, long key, RingLayoutChoice layoutChoice = RingLayoutChoice.Auto)
    {
        ArgumentNullException.ThrowIfNull(name);
        var keyT = SystemVIpc.ToKeyT(key);
        var shmId = SystemVIpc.ShmGet(keyT, 0, 0);
        if (shmId < 0)
        {
            var errno = SystemVIpc.LastErrno;
            if (errno == SystemVIpc.ENoEnt)
            {
                throw new RingNotFoundException(name, key);
            }
            throw Failure(name, key, "cannot look up the segment", errno);
        }
        var segmentSize = SystemVIpc.SegmentSize(shmId);
        if (segmentSize < 0)
        {
            throw Failure(name, key, $"cannot read the size of segment {shmId}", SystemVIpc.LastErrno);
        }
        var semId = SystemVIpc.SemGet(keyT, 0, 0);
        if (semId < 0)
        {
            throw Failure(name, key, "has a segment but no semaphore", SystemVIpc.LastErrno);
        }
        var address = SystemVIpc.ShmAt(shmId, 0, 0);
        if (address == -1)
        {
            throw Failure(name, key, $"cannot attach segment {shmId}", SystemVIpc.LastErrno);
        }
        var mapping = new SystemVMapping(keyT, shmId, semId, address, segmentSize);
        try
        {
            var header = new ReadOnlySpan<byte>((byte*)address, (int)Math.Min(segmentSize, RingLayout.Lp64.ShmHeadSize));
            var forced = RingLayout.FromChoice(layoutChoice);
            var layout = forced ?? RingLayout.Detect(header, segmentSize);
            if (layout is null || !layout.Describes(header, segmentSize))
            {
                var holds = forced is null
                    ? "holds neither an LP64 nor an ILP32 ring header"
                    : $"does not hold an {forced.Name} ring header";
                throw new TransportRingException(name, key,
                    $"transport ring {name} (key {key}): segment {shmId} ({segmentSize} bytes) {holds}");
            }
            return Open(name, key, mapping, layout);
        }
        catch
        {
            mapping.Dispose();
            throw;
        }
    }

    /// <summary>
    /// tport_destroy by key: removes the segment and the semaphore set. Processes still attached
    /// keep the memory until they detach. Returns false when neither existed.
    /// </summary>
    public static bool Destroy(long key)
    {
        var keyT = SystemVIpc.ToKeyT(key);
        var removed = false;
        var semId = SystemVIpc.SemGet(keyT, 0, 0);
        if (semId >= 0 && SystemVIpc.SemCtl(semId, 0, SystemVIpc.IpcRmid, 0) == 0)
        {
            removed = true;
        }
        var shmId = SystemVIpc.ShmGet(keyT, 0, 0);
        if (shmId >= 0 && SystemVIpc.ShmCtl(shmId, SystemVIpc.IpcRmid, null) == 0)
        {
            removed = true;
        }
        return removed;
    }

    /// <summary>True when a segment with this key exists.</summary>
    public static bool Exists(long key) => SystemVIpc.ShmGet(SystemVIpc.ToKeyT(key), 0, 0) >= 0;

    private static TransportRing Open(string name, long key, SystemVMapping mapping, RingLayout layout)
    {
        RingRegion region;
        try
        {
            region = new RingRegion(mapping.BaseAddress, mapping.MappedBytes, layout);
        }
        catch (InvalidDataException e)
        {
            mapping.Dispose();
            throw new TransportRingException(name, key, $"transport ring {name} (key {key}): {e.Message}", e);
        }
        return new TransportRing(name, key, mapping, region, new SystemVSemaphoreLock(mapping.SemId));
    }

    private static TransportRingException Failure(string name, long key, string what, int errno) =>
        new(name, key, $"transport ring {name} (key {key}): {what} (errno {SystemVIpc.DescribeErrno(errno)})");
}
