namespace Statmgr.Earthworm.Transport;

/// <summary>Outcome of trying to take a ring's writer lock.</summary>
internal enum RingLockResult
{
    Acquired,
    TimedOut,
    Failed,
}
