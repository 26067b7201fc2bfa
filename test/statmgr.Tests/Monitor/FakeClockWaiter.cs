using Microsoft.Extensions.Time.Testing;
using Statmgr.Monitor;

namespace Statmgr.Tests.Monitor;

/// <summary>An idle wait that moves the fake clock instead of sleeping.</summary>
internal sealed class FakeClockWaiter : IWakeableWait
{
    private readonly FakeTimeProvider _time;

    public FakeClockWaiter(FakeTimeProvider time)
    {
        _time = time;
    }

    public List<TimeSpan> Waits { get; } = new();

    public void Wait(TimeSpan span)
    {
        Waits.Add(span);
        _time.Advance(span);
    }

    public void Wake()
    {
    }
}
