namespace Statmgr.Monitor;

/// <summary>
/// The one place the monitor blocks: the main loop's idle wait and startstop's answer in
/// CheckAllRings mode. A stop request cuts it short. Tests put a fake clock behind it.
/// </summary>
internal interface IWakeableWait
{
    /// <summary>Blocks for <paramref name="span"/>, or until <see cref="Wake"/>; a non-positive span returns at once.</summary>
    void Wait(TimeSpan span);

    /// <summary>Ends the current wait, or the next one if nobody waits now.</summary>
    void Wake();
}

/// <summary>
/// The real wait: the main thread blocks in the kernel for the span, or until
/// <see cref="Wake"/> is called. No timer thread or pool thread takes part and nothing spins,
/// so an idle statmgr wakes one thread about once a second and costs next to nothing.
/// (The span comes from the loop's TimeProvider; tests wait on a fake clock instead.)
/// </summary>
internal sealed class WakeableWait : IWakeableWait, IDisposable
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
