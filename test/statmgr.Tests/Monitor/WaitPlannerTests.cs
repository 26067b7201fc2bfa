using Statmgr.Monitor;

namespace Statmgr.Tests.Monitor;

public class WaitPlannerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1709658100).AddMilliseconds(250);

    [Test]
    public void NothingDueWaitsC1024Milliseconds()
    {
        Assert.That(new WaitPlanner().Next(Now, null, null, false), Is.EqualTo(TimeSpan.FromMilliseconds(1024)));
    }

    [Test]
    public void WakesAtTheSecondSomethingIsDue()
    {
        Assert.That(new WaitPlanner().Next(Now, 1709658101, null, false), Is.EqualTo(TimeSpan.FromMilliseconds(750)));
    }

    [Test]
    public void PartialMillisecondsRoundUpSoTheWaitNeverEndsEarly()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1709658100).AddTicks(9_998_000);
        Assert.That(new WaitPlanner().Next(now, 1709658101, null, false), Is.EqualTo(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public void SomethingAlreadyDueDoesNotWait()
    {
        Assert.That(new WaitPlanner().Next(Now, 1709658100, null, false), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void LapGuardShortensTheWait()
    {
        Assert.That(new WaitPlanner().Next(Now, 1709658105, TimeSpan.FromMilliseconds(123.4), false), Is.EqualTo(TimeSpan.FromMilliseconds(124)));
    }

    [Test]
    public void BusyMultiRingPassIsFollowedByAShortWait()
    {
        Assert.That(new WaitPlanner().Next(Now, null, null, true), Is.EqualTo(TimeSpan.FromMilliseconds(10)));
    }

    [Test]
    public void MissesLowerTheCeilingAsCComputesIt()
    {
        // ceiling/2 + ceiling/4 in integers, truncated as C computes it (243 gives 181, not 0.75 x 243 = 182).
        var wait = new WaitPlanner();
        var seen = Enumerable.Range(0, 18).Select(_ => wait.LowerCeilingAfterMiss()).ToArray();
        Assert.That(seen, Is.EqualTo(new[] { 768, 576, 432, 324, 243, 181, 135, 100, 75, 55, 40, 30, 22, 16, 12, 10, 10, 10 }));
        Assert.That(wait.Next(Now, null, null, false), Is.EqualTo(TimeSpan.FromMilliseconds(10)));
    }
}
