using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;
using Statmgr.Notify;
using Statmgr.Notify.Mail;
using Statmgr.Tests.Monitor;

namespace Statmgr.Tests.Notify;

public class ReportDispatcherTests
{
    private const long Time = 1709658131;
    private InMemoryRing _ring = null!;
    private CollectingLogit _log = null!;
    private RecordingMailSink _mail = null!;

    [SetUp]
    public void SetUp()
    {
        _ring = new InMemoryRing("STATUS_RING", 1050);
        _log = new CollectingLogit();
        _mail = new RecordingMailSink();
    }

    [TearDown]
    public void TearDown() => _ring.Dispose();

    private ReportDispatcher Dispatcher(IRecipientRouting routing, IMailSink? mail = null) =>
        new(_log, new Pager(() => _ring, new Logo(2, 2, 104), 249, new RingOutbox(_log), _log), mail ?? _mail, routing, ["ops"]);

    [Test]
    public void HealthReportIsLoggedPagedMailedAndCounted()
    {
        var pick = MonitorHarness.NewDescriptor("pick_ew", "MOD_PICK_EW", 3, 30, 2, 5);
        var counters = new ReportCounters();
        var text = Dispatcher(new DocumentedRouting(["ops@example.org"])).ReportHealth(pick, new ReportLimits(2, 5), counters, Time, "module dead");
        const string expected = "UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.\n";
        Assert.That(text, Is.EqualTo(expected));
        Assert.That(_log.Entries, Is.EqualTo(new[] { ("e", expected) }));
        Assert.That(_ring.PutTexts(104), Is.EqualTo(new[] { "group: ops " + expected + "#" }));
        Assert.That(_mail.Sent.Single().Recipients, Is.EqualTo(new[] { "ops@example.org" }));
        Assert.That(_mail.Sent.Single().ReportText, Is.EqualTo(expected));
        Assert.That((counters.Pages, counters.Mails), Is.EqualTo((1, 1)));
    }

    [Test]
    public void WithoutAMailPathTheReportIsLoggedAndPagedAndClaimsNoMail()
    {
        // No mail path was said once at startup; a report then says nothing of mail.
        var pick = MonitorHarness.NewDescriptor("pick_ew", "MOD_PICK_EW", 3, 30, 2, 5);
        var counters = new ReportCounters();
        var text = Dispatcher(new DocumentedRouting(["ops@example.org"], DiscardMailSink.Instance.HasMailPath), DiscardMailSink.Instance)
            .ReportHealth(pick, new ReportLimits(2, 5), counters, Time, "module dead");
        const string expected = "UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n";
        Assert.That(text, Is.EqualTo(expected));
        Assert.That(_log.Entries, Is.EqualTo(new[] { ("e", expected) }), "no mail, no log line about it");
        Assert.That(_ring.PutTexts(104), Is.EqualTo(new[] { "group: ops " + expected + "#" }));
        Assert.That((counters.Pages, counters.Mails), Is.EqualTo((1, 0)));
    }

    [Test]
    public void DescriptorPageGroupsOverrideStatmgrs()
    {
        var pick = MonitorHarness.NewDescriptor("pick_ew", "MOD_PICK_EW", 3, 30, 2, 5);
        pick.PageGroups.Add("seismo");
        pick.PageGroups.Add("night");
        Dispatcher(new DocumentedRouting([])).ReportHealth(pick, new ReportLimits(2, 5), new ReportCounters(), Time, "module dead");
        Assert.That(_ring.PutTexts(104).Select(p => p[..p.IndexOf(" UTC_", StringComparison.Ordinal)]), Is.EqualTo(new[] { "group: seismo", "group: night" }));
    }

    [Test]
    public void SpecExampleErrorReportInLegacyRoutingMailsWithoutSayingSo()
    {
        var pick = MonitorHarness.NewDescriptor("pick_ew", "MOD_PICK_EW", 3, 30, 2, 5);
        var rule = new ErrorRule(3, 1, 0, 1, 10, "Station dead.");
        var counters = new ReportCounters();
        Dispatcher(new LegacyRouting(["a@x", "b@x"], false)).ReportError(pick, rule, counters, Time, "Station XYZ dead\n");
        const string expected = "UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew Station XYZ dead Page sent.\n";
        Assert.That(_log.Texts, Is.EqualTo(new[] { expected }));
        Assert.That(_mail.Sent.Single(), Is.EqualTo(new MailRequest(_mail.Sent.Single().Recipients, expected)));
        Assert.That(_mail.Sent.Single().Recipients, Is.EqualTo(new[] { "a@x", "b@x" }));
    }

    [Test]
    public void LimitsRunOutAndReportsAreStillLogged()
    {
        var pick = MonitorHarness.NewDescriptor("pick_ew", "MOD_PICK_EW", 3, 30, 2, 5);
        var rule = new ErrorRule(3, 1, 0, 1, 1, "Station dead.");
        var counters = new ReportCounters();
        var dispatcher = Dispatcher(new DocumentedRouting(["a@x"]));
        dispatcher.ReportError(pick, rule, counters, Time, "");
        dispatcher.ReportError(pick, rule, counters, Time, "");
        Assert.That(_log.Texts, Is.EqualTo(new[]
        {
            "UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew Station dead. Page sent. Mail sent.\n",
            "UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew Station dead.\n",
        }));
        Assert.That(_ring.Puts, Has.Count.EqualTo(1));
        Assert.That(_mail.Sent, Has.Count.EqualTo(1));
    }

    [Test]
    public void FailedPageIsLoggedAfterTheReportAndStillCounted()
    {
        var pick = MonitorHarness.NewDescriptor("pick_ew", "MOD_PICK_EW", 3, 30, 2, 5);
        _ring.PutResult = PutStatus.NoTrack;
        var counters = new ReportCounters();
        Dispatcher(new DocumentedRouting([])).ReportHealth(pick, new ReportLimits(2, 5), counters, Time, "module dead");
        Assert.That(_log.Entries, Is.EqualTo(new[]
        {
            ("e", "UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n"),
            ("e", "Error sending pageit message to transport region.\n"),
            ("et", "statmgr: pageStatus: -1\n"),
        }));
        Assert.That(counters.Pages, Is.EqualTo(1));
    }

    /// <summary>Three reports of one kind; the counters say how many were made and how many lost a page or mail to a used-up limit.</summary>
    [TestCase(false, 1, 5, false, ExpectedResult = "3 sent, 2 suppressed", Description = "page limit used up, mail not")]
    [TestCase(false, -1, 2, false, ExpectedResult = "3 sent, 1 suppressed", Description = "mail limit used up, page unlimited")]
    [TestCase(false, 0, 0, false, ExpectedResult = "3 sent, 0 suppressed", Description = "0 is never: nothing to use up")]
    [TestCase(false, -1, 1, true, ExpectedResult = "3 sent, 0 suppressed", Description = "no mail path: no mail would have gone")]
    [TestCase(true, -1, -1, false, ExpectedResult = "3 sent, 0 suppressed", Description = "legacy error rule: negative is never")]
    [TestCase(true, 1, 1, false, ExpectedResult = "3 sent, 2 suppressed", Description = "legacy error rule: limits used up")]
    public string ReportsSentAndSuppressedByLimits(bool legacy, int page, int mail, bool noMailPath)
    {
        var pick = MonitorHarness.NewDescriptor("pick_ew", "MOD_PICK_EW", 3, 30, page, mail);
        pick.MailRecipients.Add("pick@x");
        var rule = new ErrorRule(3, 1, 0, page, mail, "Station dead.");
        var counters = new ReportCounters();
        IRecipientRouting routing = legacy ? new LegacyRouting(["a@x"], true) : new DocumentedRouting(["a@x"], !noMailPath);
        var dispatcher = Dispatcher(routing, noMailPath ? DiscardMailSink.Instance : null);
        for (var i = 0; i < 3; i++)
        {
            if (legacy)
            {
                dispatcher.ReportError(pick, rule, counters, Time, "");
            }
            else
            {
                dispatcher.ReportHealth(pick, new ReportLimits(page, mail), counters, Time, "module dead");
            }
        }
        return $"{counters.Sent} sent, {counters.Suppressed} suppressed";
    }
}
