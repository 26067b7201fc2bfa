namespace Statmgr.Monitor;

/// <summary>Waits on a TimeProvider timer, or until <see cref="Wake"/> is called.</summary>
public sealed class IdleWaiter : IIdleWaiter, IDisposable
{
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly ITimer _timer;

    public IdleWaiter(TimeProvider time)
    {
        _timer = time.CreateTimer(static state => ((ManualResetEventSlim)state!).Set(), _wake, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Wait(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            return;
        }
        _timer.Change(span, Timeout.InfiniteTimeSpan);
        _wake.Wait();
        _wake.Reset();
    }

    public void Wake() => _wake.Set();

    public void Dispose()
    {
        _timer.Dispose();
        _wake.Dispose();
    }
}
