using System.Diagnostics;
using Statmgr.Monitor;

namespace Statmgr.Tests.Monitor;

/// <summary>The real idle wait: it lasts the span, a wake cuts it short, and a wake that came first is not lost.</summary>
public class WakeableWaitTests
{
    [Test]
    public void WaitsForTheSpan()
    {
        using var waiter = new WakeableWait();
        var clock = Stopwatch.StartNew();

        waiter.Wait(TimeSpan.FromMilliseconds(60));

        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(59)).And.LessThan(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void AWakeFromAnotherThreadEndsTheWait()
    {
        using var waiter = new WakeableWait();
        var clock = Stopwatch.StartNew();
        using var timer = new Timer(_ => waiter.Wake(), null, 50, Timeout.Infinite);

        waiter.Wait(TimeSpan.FromSeconds(20));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void AWakeBeforeTheWaitEndsTheNextWaitOnly()
    {
        using var waiter = new WakeableWait();
        waiter.Wake();
        var clock = Stopwatch.StartNew();

        waiter.Wait(TimeSpan.FromSeconds(20));
        var first = clock.Elapsed;
        waiter.Wait(TimeSpan.FromMilliseconds(60));

        Assert.That(first, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(clock.Elapsed - first, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(59)));
    }

    [Test]
    public void ANonPositiveSpanDoesNotWait()
    {
        using var waiter = new WakeableWait();
        var clock = Stopwatch.StartNew();

        waiter.Wait(TimeSpan.Zero);
        waiter.Wait(TimeSpan.FromMilliseconds(-5));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
    }
}
