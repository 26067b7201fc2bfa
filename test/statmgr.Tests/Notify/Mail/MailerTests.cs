using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Notify;
using Statmgr.Notify.Mail;
using Statmgr.Status;

namespace Statmgr.Tests.Notify.Mail;

/// <summary>
/// The run's one mail sink across reloads: new settings for the next mail, nothing queued lost,
/// the transport notices only when the mail settings changed, and a run without reloads as before.
/// </summary>
[CancelAfter(20_000)]
public class MailerTests : MailTestBase
{
    private const string Ops = "ops@example.org";

    private readonly List<MailSettings> _chosen = [];

    [SetUp]
    public void ForgetTheChoices() => _chosen.Clear();

    private static MailSettings Settings(string subject = "EW Status Message", params string[] recipients) =>
        new() { Subject = subject, Recipients = recipients.Length > 0 ? recipients : [Ops] };

    /// <summary>A mailer whose choice of transport follows <paramref name="choose"/> and is recorded.</summary>
    private Mailer Mailer(MailSettings settings, Func<MailSettings, IMailTransport?> choose) =>
        new(settings, s =>
        {
            _chosen.Add(s);
            return choose(s);
        }, transport => new MailQueue(transport, Log, Clock));

    [Test]
    public async Task WithNoMailPathNothingIsQueuedOrCountedAndAReloadWithTheSameSettingsChoosesNothingAgain()
    {
        await using var mailer = Mailer(Settings(), _ => null);

        mailer.Send(new MailRequest([Ops], Report));
        var sink = mailer.Reload(Settings(recipients: ["other@example.org"]));
        sink.Send(new MailRequest([Ops], Report));

        Assert.That(sink, Is.SameAs(mailer));
        Assert.That(mailer.HasMailPath, Is.False);
        Assert.That(mailer.Counts, Is.EqualTo(new MailStatus(0, 0, 0, 0)));
        Assert.That(_chosen, Has.Count.EqualTo(1), "chosen once, at the start");
        await mailer.DrainAsync(TimeSpan.Zero);
        Assert.That(Log.Entries, Is.Empty);
    }

    [Test]
    public async Task AMessageWaitingForItsRetryIsSentByTheNewTransportAfterAReload()
    {
        var old = new ScriptedTransport(Clock, _ => MailOutcome.Transient("relay down"));
        var fresh = new ScriptedTransport(Clock, _ => MailOutcome.Delivered("250 Ok"));
        await using var mailer = Mailer(Settings(), s => s.Subject == "new" ? fresh : old);
        mailer.Send(new MailRequest([Ops], Report));
        await mailer.WhenIdleAsync();
        Assert.That(old.Attempts, Has.Count.EqualTo(1));

        mailer.Reload(Settings("new"));
        mailer.Send(new MailRequest([Ops], "second report\n"));
        await mailer.WhenIdleAsync();
        Clock.Advance(MailRetryPolicy.RetryDelays[0]);
        await mailer.WhenIdleAsync();

        Assert.That(old.Attempts, Has.Count.EqualTo(1), "the old transport is not tried again");
        Assert.That(fresh.Attempts.Select(a => a.ReportText), Is.EquivalentTo(new[] { Report, "second report\n" }));
        Assert.That(mailer.Counts, Is.EqualTo(new MailStatus(0, 2, 0, 0)));
        Assert.That(mailer.HasMailPath, Is.True);
    }

    [Test]
    public async Task AReloadWithNoMailPathStillSendsWhatIsQueuedTheOldWayButMailsNothingNew()
    {
        var answers = new Queue<MailOutcome>([MailOutcome.Transient("relay down"), MailOutcome.Delivered("250 Ok")]);
        var old = new ScriptedTransport(Clock, _ => answers.Dequeue());
        await using var mailer = Mailer(Settings(), s => s.Subject == "none" ? null : old);
        mailer.Send(new MailRequest([Ops], Report));
        await mailer.WhenIdleAsync();

        mailer.Reload(Settings("none"));
        mailer.Send(new MailRequest([Ops], "not mailed\n"));
        Clock.Advance(MailRetryPolicy.RetryDelays[0]);
        await mailer.WhenIdleAsync();

        Assert.That(mailer.HasMailPath, Is.False);
        Assert.That(old.Attempts.Select(a => a.ReportText), Is.EqualTo(new[] { Report, Report }));
        Assert.That(mailer.Counts, Is.EqualTo(new MailStatus(0, 1, 0, 0)));
    }

    [Test]
    public async Task ARunThatStartsWithNoMailPathMailsOnceAReloadGivesItOne()
    {
        var fresh = new ScriptedTransport(Clock, _ => MailOutcome.Delivered("250 Ok"));
        await using var mailer = Mailer(Settings(), s => s.Subject == "new" ? fresh : null);

        mailer.Reload(Settings("new"));
        mailer.Send(new MailRequest([Ops], Report));
        await mailer.WhenIdleAsync();

        Assert.That(mailer.HasMailPath, Is.True);
        Assert.That(fresh.Attempts.Select(a => a.Recipient), Is.EqualTo(new[] { Ops }));
    }

    [Test]
    public async Task ShutdownDrainsWhatTheOldAndTheNewTransportStillHold()
    {
        var old = new ScriptedTransport(Clock, _ => MailOutcome.Transient("relay down"));
        var fresh = new ScriptedTransport(Clock, _ => MailOutcome.Delivered("250 Ok"));
        var mailer = Mailer(Settings(), s => s.Subject == "new" ? fresh : old);
        mailer.Send(new MailRequest([Ops], Report));
        await mailer.WhenIdleAsync();

        mailer.Reload(Settings("new"));
        await mailer.DrainAsync(TimeSpan.FromSeconds(5));
        await mailer.DisposeAsync();

        Assert.That(fresh.Attempts.Select(a => a.ReportText), Is.EqualTo(new[] { Report }), "the waiting retry goes out at shutdown, the new way");
        Assert.That(Log.Texts, Is.EqualTo(new[] { $"statmgr: mail to {Ops} retrying in 30 s; server answer: relay down; report: {Report}" }));
    }

    [Test]
    public async Task TheTransportNoticesAreLoggedAtTheStartAndOnAReloadOnlyWhenTheMailSettingsChanged()
    {
        var config = new StatmgrConfig { MailProgram = "/usr/ucb/Mail", Subject = "EW Status Message" };
        config.MailServers.Add("127.0.0.1:25");
        config.MailRecipients.Add(Ops);
        const string notice = "statmgr: MailProgram </usr/ucb/Mail> ignored: MailServer is set, so reports are mailed by SMTP\n";
        await using var mailer = Statmgr.Notify.Mail.Mailer.ForRun(config, Log, Clock);
        Assert.That(Log.Entries, Is.EqualTo(new[] { ("et", notice) }));

        config.MailRecipients.Add("boss@example.org");
        mailer.Reload(config);
        Assert.That(Log.Entries, Has.Count.EqualTo(1), "recipients are not mail settings");

        config.Subject = "EW at the coast";
        mailer.Reload(config);
        Assert.That(Log.Entries, Is.EqualTo(new[] { ("et", notice), ("et", notice) }));
        Assert.That(mailer.HasMailPath, Is.True);
    }

    [Test]
    public async Task AReloadWithANewRelayDeliversTheQueuedReportThereWithTheNewSubject()
    {
        var down = TestSmtpServer.FreePort();
        var relay = await StartAsync(new TestSmtpServer());
        var config = new StatmgrConfig { SmtpSecurity = SmtpSecurityMode.None, From = "statmgr@example.org" };
        config.MailServers.Add($"127.0.0.1:{down}");
        await using var mailer = Statmgr.Notify.Mail.Mailer.ForRun(config, Log, Clock);
        mailer.Send(new MailRequest([Ops], Report));
        await mailer.WhenIdleAsync();
        Assert.That(relay.Received, Is.Empty);

        config.MailServers[0] = relay.Address;
        config.Subject = "after the reload";
        mailer.Reload(config);
        Clock.Advance(MailRetryPolicy.RetryDelays[0]);
        await mailer.WhenIdleAsync();

        Assert.That(relay.Received.Select(m => m.RcptTo), Is.EqualTo(new[] { new[] { Ops } }));
        Assert.That(System.Text.Encoding.ASCII.GetString(relay.Received[0].Data), Does.Contain("Subject: after the reload"));
    }
}
