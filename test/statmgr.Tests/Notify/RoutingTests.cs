using Statmgr.Config;
using Statmgr.Notify;
using Statmgr.Tests.Monitor;

namespace Statmgr.Tests.Notify;

public class RoutingTests
{
    private static readonly string[] ConfigMail = ["ops@example.org", "boss@example.org"];

    private static Descriptor Desc(params string[] mail)
    {
        var d = MonitorHarness.NewDescriptor("pick_ew", "MOD_PICK_EW", 3, 30, 2, 5);
        d.MailRecipients.AddRange(mail);
        return d;
    }

    private static void AssertDelivery(Delivery d, bool page, string[] mailTo, bool mailSuffix, bool countMail)
    {
        Assert.That(d.Page, Is.EqualTo(page));
        Assert.That(d.MailTo, Is.EqualTo(mailTo));
        Assert.That(d.MailSuffix, Is.EqualTo(mailSuffix));
        Assert.That(d.CountMail, Is.EqualTo(countMail));
    }

    private static ReportCounters Used(int pages, int mails)
    {
        var c = new ReportCounters();
        for (int i = 0; i < pages; i++)
        {
            c.CountPage();
        }
        for (int i = 0; i < mails; i++)
        {
            c.CountMail();
        }
        return c;
    }

    [Test]
    public void DocumentedUsesConfigListWhenTheDescriptorHasNone()
    {
        var d = new DocumentedRouting(ConfigMail).ForHealth(Desc(), new ReportLimits(2, 5), Used(0, 0));
        AssertDelivery(d, page: true, mailTo: ConfigMail, mailSuffix: true, countMail: true);
    }

    [Test]
    public void DocumentedDescriptorListOverridesForBothKinds()
    {
        var routing = new DocumentedRouting(ConfigMail);
        Assert.That(routing.ForHealth(Desc("me@x"), new ReportLimits(0, 1), Used(0, 0)).MailTo, Is.EqualTo(new[] { "me@x" }));
        Assert.That(routing.ForError(Desc("me@x"), new ReportLimits(0, 1), Used(0, 0)).MailTo, Is.EqualTo(new[] { "me@x" }));
    }

    [Test]
    public void DocumentedLimitsAreUsedUp()
    {
        var d = new DocumentedRouting(ConfigMail).ForError(Desc(), new ReportLimits(2, 5), Used(2, 5));
        Assert.That(d, Is.EqualTo(new Delivery(false, [], false, false)));
    }

    [Test]
    public void DocumentedNegativeLimitsMeanNoLimitForBothKinds()
    {
        var routing = new DocumentedRouting(ConfigMail);
        foreach (var d in new[] { routing.ForHealth(Desc(), new ReportLimits(-1, -1), Used(100, 100)), routing.ForError(Desc(), new ReportLimits(-1, -1), Used(100, 100)) })
        {
            Assert.That(d.Page, Is.True);
            Assert.That(d.MailSuffix, Is.True);
            Assert.That(d.MailTo, Is.EqualTo(ConfigMail));
        }
    }

    [Test]
    public void DocumentedNoRecipientsMeansNoMailAndNoSuffix()
    {
        var d = new DocumentedRouting([]).ForHealth(Desc(), new ReportLimits(0, 5), Used(0, 0));
        Assert.That(d, Is.EqualTo(new Delivery(false, [], false, false)));
    }

    [Test]
    public void LegacyHealthMailNeedsDescriptorMailButGoesToConfigList()
    {
        var routing = new LegacyRouting(ConfigMail, hasMailServer: false);
        var without = routing.ForHealth(Desc(), new ReportLimits(2, 5), Used(0, 0));
        Assert.That(without, Is.EqualTo(new Delivery(true, [], false, false)));
        var with = routing.ForHealth(Desc("me@x"), new ReportLimits(2, 5), Used(0, 0));
        Assert.That(with.MailTo, Is.EqualTo(ConfigMail));
        Assert.That(with.MailSuffix, Is.True);
        Assert.That(with.CountMail, Is.True);
    }

    [Test]
    public void LegacyHealthClaimsMailWithAnEmptyConfigListAndNeverCountsIt()
    {
        var d = new LegacyRouting([], hasMailServer: false).ForHealth(Desc("me@x"), new ReportLimits(0, 1), Used(0, 0));
        Assert.That(d, Is.EqualTo(new Delivery(false, [], true, false)));
    }

    [Test]
    public void LegacyHealthNegativeLimitsMeanNoLimit()
    {
        var d = new LegacyRouting(ConfigMail, false).ForHealth(Desc("me@x"), new ReportLimits(-1, -1), Used(9, 9));
        Assert.That(d.Page, Is.True);
        Assert.That(d.MailSuffix, Is.True);
    }

    [Test]
    public void LegacyErrorNegativeLimitsMeanNever()
    {
        var d = new LegacyRouting(ConfigMail, false).ForError(Desc("me@x"), new ReportLimits(-1, -1), Used(0, 0));
        Assert.That(d, Is.EqualTo(new Delivery(false, [], false, false)));
    }

    [Test]
    public void LegacyErrorWithoutMailServerMailsTheConfigListWithoutSayingSo()
    {
        var d = new LegacyRouting(ConfigMail, false).ForError(Desc(), new ReportLimits(1, 10), Used(0, 0));
        AssertDelivery(d, page: true, mailTo: ConfigMail, mailSuffix: false, countMail: true);
    }

    [Test]
    public void LegacyErrorWithoutMailServerIgnoresTheDescriptorList()
    {
        var d = new LegacyRouting(ConfigMail, false).ForError(Desc("me@x"), new ReportLimits(0, 10), Used(0, 0));
        Assert.That(d.MailTo, Is.EqualTo(ConfigMail));
        Assert.That(d.MailSuffix, Is.True);
    }

    [Test]
    public void LegacyErrorWithMailServerPrefersTheDescriptorList()
    {
        var routing = new LegacyRouting(ConfigMail, true);
        Assert.That(routing.ForError(Desc("me@x"), new ReportLimits(0, 10), Used(0, 0)).MailTo, Is.EqualTo(new[] { "me@x" }));
        Assert.That(routing.ForError(Desc(), new ReportLimits(0, 10), Used(0, 0)).MailTo, Is.EqualTo(ConfigMail));
    }

    [Test]
    public void LegacyErrorCountsAnAttemptWithNoRecipients()
    {
        var d = new LegacyRouting([], false).ForError(Desc(), new ReportLimits(0, 1), Used(0, 0));
        Assert.That(d, Is.EqualTo(new Delivery(false, [], false, true)));
    }
}
