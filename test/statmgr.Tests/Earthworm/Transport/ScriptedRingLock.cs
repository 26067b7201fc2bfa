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

    /// <summary>Calls of Enter (which may wait) and of TryEnter (which may not); the scripted answer is the same.</summary>
    public int Entered { get; private set; }

    public int Tried { get; private set; }

    public RingLockResult Enter(out string? problem)
    {
        Entered++;
        return Answer(out problem);
    }

    public RingLockResult TryEnter(out string? problem)
    {
        Tried++;
        return Answer(out problem);
    }

    public void Exit() => Held--;

    public void Dispose()
    {
    }

    private RingLockResult Answer(out string? problem)
    {
        problem = NextResult == RingLockResult.Acquired ? null : $"scripted {NextResult}";
        if (NextResult == RingLockResult.Acquired)
        {
            Held++;
        }
        return NextResult;
    }
}
