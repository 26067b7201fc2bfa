namespace Statmgr.Monitor;

/// <summary>
/// The real idle wait: the main thread blocks in the kernel for the span, or until
/// <see cref="Wake"/> is called. No timer thread or pool thread takes part and nothing spins,
/// so an idle statmgr wakes one thread about once a second and costs next to nothing.
/// (The span comes from the loop's TimeProvider; tests wait on a fake clock instead.)
/// </summary>
public sealed class IdleWaiter : IIdleWaiter, IDisposable
{
    // A spin count of 0: the waits are long, and spinning before each would cost more than the wait saves.
    private readonly ManualResetEventSlim _wake = new(false, 0);

    public void Wait(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            return;
        }
        _wake.Wait(span);
        _wake.Reset();
    }

    public void Wake() => _wake.Set();

    public void Dispose() => _wake.Dispose();
}
