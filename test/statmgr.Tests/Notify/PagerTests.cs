using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;
using Statmgr.Notify;
using Statmgr.Tests.Monitor;

namespace Statmgr.Tests.Notify;

public class PagerTests
{
    private static readonly Logo PageLogo = new(2, 2, 104);
    private const string Report = "UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n";

    [Test]
    public void OnePagePerGroupWithStatmgrsLogo()
    {
        var ring = new InMemoryRing("STATUS_RING", 1050);
        var pager = new Pager(() => ring, PageLogo, 249, new CollectingLogit());
        Assert.That(pager.PageOut(["ops", "seis"], Report), Is.EqualTo(0));
        Assert.That(ring.Puts.Select(p => p.Logo), Is.EqualTo(new[] { PageLogo, PageLogo }));
        Assert.That(ring.PutTexts(104), Is.EqualTo(new[] { "group: ops " + Report + "#", "group: seis " + Report + "#" }));
    }

    [Test]
    public void PageitHeartbeatHasNoSpaceAndNoNewline()
    {
        var ring = new InMemoryRing("STATUS_RING", 1050);
        new Pager(() => ring, PageLogo, 249, new CollectingLogit()).SendHeartbeat("ewhost");
        Assert.That(ring.PutTexts(104), Is.EqualTo(new[] { "alive:ewhost#" }));
    }

    [Test]
    public void LongPagesAreCutTo249BytesKeepingTheHashAndSaySoOnce()
    {
        var ring = new InMemoryRing("STATUS_RING", 1050);
        var log = new CollectingLogit();
        var pager = new Pager(() => ring, PageLogo, 249, log);
        string longReport = "UTC_x  " + new string('n', 400) + "\n";
        pager.PageOut(["ops"], longReport);
        pager.PageOut(["ops"], longReport);
        var first = ring.Puts[0].Body;
        Assert.That(first, Has.Length.EqualTo(249));
        Assert.That(MonitorHarness.Text(first), Is.EqualTo(("group: ops " + longReport)[..248] + "#"));
        Assert.That(log.Entries, Is.EqualTo(new[] { ("et", "statmgr: a page was longer than PageMaxBytes (249); its text was cut to fit, ending with #\n") }));
    }

    [Test]
    public void PageOfExactly249BytesIsNotCut()
    {
        string report = new string('r', 249 - "group: ops ".Length - 1);
        var bytes = PageMessage.ForGroup("ops", report, 249, out bool cut);
        Assert.That(cut, Is.False);
        Assert.That(bytes, Has.Length.EqualTo(249));
    }

    [Test]
    public void FailedPutIsLoggedAndOnlyTheLastGroupDecidesTheStatus()
    {
        var ring = new InMemoryRing("STATUS_RING", 1050);
        var log = new CollectingLogit();
        var pager = new Pager(() => ring, PageLogo, 249, log);
        ring.NextPutResults.Enqueue(PutStatus.Ok);
        ring.NextPutResults.Enqueue(PutStatus.NoTrack);
        Assert.That(pager.PageOut(["a", "b"], Report), Is.EqualTo(-1));
        Assert.That(log.Entries, Is.EqualTo(new[] { ("e", "Error sending pageit message to transport region.\n") }));
        ring.NextPutResults.Enqueue(PutStatus.NoTrack);
        ring.NextPutResults.Enqueue(PutStatus.Ok);
        Assert.That(pager.PageOut(["a", "b"], Report), Is.EqualTo(0), "a failure on the first group is forgotten when the last succeeds");
        Assert.That(ring.Puts, Has.Count.EqualTo(4));
    }

    [Test]
    public void FailedHeartbeatPutIsLogged()
    {
        var ring = new InMemoryRing("STATUS_RING", 1050) { PutResult = PutStatus.NoTrack };
        var log = new CollectingLogit();
        new Pager(() => ring, PageLogo, 249, log).SendHeartbeat("ewhost");
        Assert.That(log.Entries, Is.EqualTo(new[] { ("e", "Error sending pageit hbeat to transport region.\n") }));
    }

    [Test]
    public void AHashInTheTextBecomesASpaceSoEachGroupGetsOnePage()
    {
        var ring = new InMemoryRing("STATUS_RING", 1050);
        var pager = new Pager(() => ring, PageLogo, 249, new CollectingLogit());
        pager.PageOut(["ops", "night"], "UTC_x  ewhost/pick_ew disk full #group: boss forged page Page sent.\n");
        Assert.That(ring.PutTexts(104), Is.EqualTo(new[]
        {
            "group: ops UTC_x  ewhost/pick_ew disk full  group: boss forged page Page sent.\n#",
            "group: night UTC_x  ewhost/pick_ew disk full  group: boss forged page Page sent.\n#",
        }));
    }

    [Test]
    public void AHashInTheSystemNameDoesNotEndThePageitHeartbeatEarly()
    {
        var ring = new InMemoryRing("STATUS_RING", 1050);
        new Pager(() => ring, PageLogo, 249, new CollectingLogit()).SendHeartbeat("ew#host");
        Assert.That(ring.PutTexts(104), Is.EqualTo(new[] { "alive:ew host#" }));
    }
}
