namespace Statmgr.EwSupervisor;

/// <summary>
/// startstop's way of stopping one child, as a state machine the main loop advances: the child
/// first gets the kill delay to exit by itself (its pid is already in the ring flags), then
/// SIGTERM and another kill delay, then SIGKILL.
/// </summary>
internal sealed class ChildStopper(ChildProcess child, bool restartAfterwards, TimeSpan killDelay, long startTimestamp)
{
    private enum Stage
    {
        WaitingForExit,
        Terminated,
        Killed,
    }

    private Stage _stage = Stage.WaitingForExit;

    public ChildProcess Child { get; } = child;
    public bool RestartAfterwards { get; } = restartAfterwards;
    public int OldPid { get; } = child.Pid;

    /// <summary>Advances the stop; returns true once the child is gone. Messages go to <paramref name="say"/>.</summary>
    public bool Step(TimeProvider time, Action<string> say)
    {
        if (!Child.IsRunning)
        {
            return true;
        }
        TimeSpan elapsed = time.GetElapsedTime(startTimestamp);
        if (_stage == Stage.WaitingForExit && elapsed >= killDelay)
        {
            say($"{Child.Name} (pid={OldPid}) did not self-terminate in {killDelay.TotalSeconds} sec; terminating it!");
            Child.Terminate();
            _stage = Stage.Terminated;
        }
        else if (_stage == Stage.Terminated && elapsed >= killDelay * 2)
        {
            say($"{Child.Name} (pid={OldPid}) still running after SIGTERM; killing it");
            Child.Kill();
            _stage = Stage.Killed;
        }
        return false;
    }
}
