namespace Statmgr.Earthworm.Transport;

/// <summary>
/// The ring semaphore (one member, value 1 = free) as writers take it, but with SEM_UNDO, so a
/// process that dies holding it gives it back, and with a 1 s timed wait, so a C writer that died
/// holding it cannot hang this process (C writers wait for ever). <see cref="TryEnter"/> does not
/// wait at all, for a caller that already knows the semaphore is stuck.
/// </summary>
internal sealed unsafe class SystemVSemaphoreLock : IRingLock
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    // An interrupted wait is tried again, a few times, as C does on EINTR.
    private const int InterruptRetries = 3;

    private readonly int _semId;

    public SystemVSemaphoreLock(int semId)
    {
        _semId = semId;
    }

    public RingLockResult Enter(out string? problem) => Take(wait: true, out problem);

    public RingLockResult TryEnter(out string? problem) => Take(wait: false, out problem);

    private RingLockResult Take(bool wait, out string? problem)
    {
        // IPC_NOWAIT makes a taken semaphore fail at once with EAGAIN, as the timed wait does at its end.
        var operation = new SystemVIpc.SemBuf
        {
            SemNum = 0,
            SemOp = -1,
            SemFlg = wait ? SystemVIpc.SemUndo : (short)(SystemVIpc.SemUndo | SystemVIpc.IpcNoWait),
        };
        var timeout = new SystemVIpc.TimeSpec { Seconds = (nint)Timeout.TotalSeconds, Nanoseconds = 0 };
        for (var attempt = 0; ; attempt++)
        {
            if (SystemVIpc.SemTimedOp(_semId, &operation, 1, wait ? &timeout : null) == 0)
            {
                problem = null;
                return RingLockResult.Acquired;
            }
            var errno = SystemVIpc.LastErrno;
            if (errno == SystemVIpc.EIntr && attempt < InterruptRetries)
            {
                continue;
            }
            if (errno == SystemVIpc.EAgain)
            {
                problem = wait
                    ? $"the ring semaphore stayed taken for {Timeout.TotalSeconds:0} s (a writer may have died holding it)"
                    : "the ring semaphore is taken";
                return RingLockResult.TimedOut;
            }
            problem = $"cannot take the ring semaphore (semid {_semId}; errno {SystemVIpc.DescribeErrno(errno)})";
            return RingLockResult.Failed;
        }
    }

    public void Exit()
    {
        var operation = new SystemVIpc.SemBuf { SemNum = 0, SemOp = 1, SemFlg = SystemVIpc.SemUndo };
        // Releasing cannot block; a failure means the semaphore was removed, which leaves nothing to release.
        _ = SystemVIpc.SemTimedOp(_semId, &operation, 1, null);
    }

    public void Dispose()
    {
        // The semaphore belongs to the ring, not to this attachment.
    }
}
