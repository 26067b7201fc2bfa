namespace Statmgr.Earthworm.Transport;

/// <summary>
/// The writers' lock of one ring (System V semaphore, Windows named mutex). Readers never take it.
/// <see cref="Exit"/> is called on the thread that entered.
/// </summary>
internal interface IRingLock : IDisposable
{
    /// <summary>Takes the lock, waiting at most the lock's timed wait.</summary>
    RingLockResult Enter(out string? problem);

    /// <summary>Takes the lock only if it is free now; TimedOut at once when another writer holds it.</summary>
    RingLockResult TryEnter(out string? problem);

    void Exit();
}

/// <summary>Outcome of trying to take a ring's writer lock.</summary>
internal enum RingLockResult
{
    Acquired,
    TimedOut,
    Failed,
}
