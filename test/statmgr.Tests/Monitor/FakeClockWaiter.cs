using Microsoft.Extensions.Time.Testing;
using Statmgr.Monitor;

namespace Statmgr.Tests.Monitor;

/// <summary>An idle wait that moves the fake clock instead of sleeping (behaviour a substitute would have to be taught).</summary>
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
