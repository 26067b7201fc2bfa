using System.Runtime.Versioning;

namespace Statmgr.Earthworm.Transport;

/// <summary>
/// The named mutex <c>MTX_&lt;key&gt;</c> Windows writers share. C waits for ever and ignores an
/// abandoned mutex; the port waits at most 1 s and, like C, takes an abandoned mutex as acquired.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsMutexLock : IRingLock
{
    private readonly Mutex _mutex;

    public WindowsMutexLock(Mutex mutex)
    {
        _mutex = mutex;
    }

    public RingLockResult Enter(out string? problem) => Take(SystemVSemaphoreLock.Timeout, out problem);

    public RingLockResult TryEnter(out string? problem) => Take(TimeSpan.Zero, out problem);

    private RingLockResult Take(TimeSpan wait, out string? problem)
    {
        try
        {
            if (_mutex.WaitOne(wait))
            {
                problem = null;
                return RingLockResult.Acquired;
            }
            problem = wait > TimeSpan.Zero ? $"the ring mutex stayed taken for {wait.TotalSeconds:0} s" : "the ring mutex is taken";
            return RingLockResult.TimedOut;
        }
        catch (AbandonedMutexException)
        {
            problem = null;
            return RingLockResult.Acquired; // the previous owner died; the mutex is now ours
        }
        catch (ObjectDisposedException e)
        {
            problem = $"the ring mutex is gone ({e.Message})";
            return RingLockResult.Failed;
        }
    }

    public void Exit() => _mutex.ReleaseMutex();

    public void Dispose() => _mutex.Dispose();
}
