using Statmgr.Earthworm.Transport;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>
/// A writer lock that answers as told and counts how it is used. Hand-written, not a substitute:
/// it keeps how many times it is held, so that a test can see every Enter matched by an Exit.
/// </summary>
internal sealed class ScriptedRingLock : IRingLock
{
    public RingLockResult NextResult { get; set; } = RingLockResult.Acquired;

    public int Held { get; private set; }

    public int Entered { get; private set; }

    public RingLockResult Enter(out string? problem)
    {
        Entered++;
        problem = NextResult == RingLockResult.Acquired ? null : $"scripted {NextResult}";
        if (NextResult == RingLockResult.Acquired)
        {
            Held++;
        }
        return NextResult;
    }

    public void Exit() => Held--;

    public void Dispose()
    {
    }
}
