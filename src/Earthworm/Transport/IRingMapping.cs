namespace Statmgr.Earthworm.Transport;

/// <summary>
/// The mapped memory of one ring attachment (System V segment, Windows view, or plain memory in
/// tests). Disposing it detaches; it never destroys the ring.
/// </summary>
internal unsafe interface IRingMapping : IDisposable
{
    /// <summary>Address of SHM_HEAD.</summary>
    byte* BaseAddress { get; }

    /// <summary>Bytes mapped from <see cref="BaseAddress"/> on.</summary>
    long MappedBytes { get; }

    /// <summary>True when the ring key no longer names this memory (removed, or re-created by startstop).</summary>
    bool IsStale { get; }

    /// <summary>A short description for tools: segment and semaphore ids, or object names.</summary>
    string Describe();
}
