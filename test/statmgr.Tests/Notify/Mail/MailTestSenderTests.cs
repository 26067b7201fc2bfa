using System.Text;
using Microsoft.Extensions.Time.Testing;
using Statmgr.Config;
using Statmgr.Notify.Mail;

namespace Statmgr.Tests.Notify.Mail;

[CancelAfter(20_000)]
public class MailTestSenderTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1709658131));
    private TestSmtpServer _server = null!;

    [SetUp]
    public async Task SetUp()
    {
        _server = new TestSmtpServer();
        await _server.StartAsync();
    }

    [TearDown]
    public async Task TearDown() => await _server.DisposeAsync();

    [Test]
    public async Task EveryConfiguredRecipientGetsTheTestMessageAndEachDeliveryIsPrinted(CancellationToken token)
    {
        var config = Config();
        config.MsgPrefix = "P: ";
        var output = new StringWriter();

        var status = await new MailTestSender(_clock, output).RunAsync(config, "ewhost", token);

        Assert.That(status, Is.Zero);
        var lines = output.ToString().Split('\n')[..^1];
        Assert.That(lines, Has.Length.EqualTo(3));
        Assert.That(lines[0], Does.StartWith($"mail to ops@example.org: delivered: {_server.Address}: "));
        Assert.That(lines[1], Does.StartWith($"mail to duty@example.org: delivered: {_server.Address}: "));
        Assert.That(lines[2], Does.StartWith($"mail to pick@example.org: delivered: {_server.Address}: "));
        Assert.That(_server.Received.Select(m => m.RcptTo.Single()), Is.EqualTo(new[] { "ops@example.org", "duty@example.org", "pick@example.org" }));
        Assert.That(SmtpMailTransportTests.BodyBytes(_server.Received[0].Data),
            Is.EqualTo(Encoding.ASCII.GetBytes("P: statmgr test message from ewhost at 2024-03-05 17:02:11 UTC\r\n")));
    }

    [Test]
    public async Task OneRefusedRecipientMakesTheExitStatusOne(CancellationToken token)
    {
        _server.RejectedRecipients.Add("duty@example.org");
        var output = new StringWriter();

        var status = await new MailTestSender(_clock, output).RunAsync(Config(), "ewhost", token);

        Assert.That(status, Is.EqualTo(1));
        var lines = output.ToString().Split('\n')[..^1];
        Assert.That(lines[1], Does.StartWith($"mail to duty@example.org: FAILED (refused): {_server.Address}: 550 "));
        Assert.That(_server.Received, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task NoRecipientsOrNoTransportIsAFailure(CancellationToken token)
    {
        var nobody = new StatmgrConfig();
        nobody.MailServers.Add(_server.Address);
        var noRelay = new StatmgrConfig();
        noRelay.MailServers.Add("relay:smtp");
        noRelay.MailRecipients.Add("ops@example.org");
        var first = new StringWriter();
        var second = new StringWriter();

        var withoutRecipients = await new MailTestSender(_clock, first).RunAsync(nobody, "ewhost", token);
        var withoutTransport = await new MailTestSender(_clock, second).RunAsync(noRelay, "ewhost", token);

        Assert.That(withoutRecipients, Is.EqualTo(1));
        Assert.That(first.ToString(), Is.EqualTo("statmgr: no mail recipients in the configuration; no test message sent\n"));
        Assert.That(withoutTransport, Is.EqualTo(1));
        Assert.That(second.ToString(), Is.EqualTo(
            "statmgr: MailServer <relay:smtp>: port must be a number from 1 to 65535; line ignored\n"
            + "statmgr: no usable MailServer; reports will not be mailed\n"
            + "statmgr: no way to send mail; no test message sent\n"));
    }

    [Test]
    public void TheMessageTextNamesTheSystemAndTheUtcTime()
    {
        Assert.That(MailTestSender.MessageText("ewhost", DateTimeOffset.FromUnixTimeSeconds(1700000000).ToOffset(TimeSpan.FromHours(2))),
            Is.EqualTo("statmgr test message from ewhost at 2023-11-14 22:13:20 UTC\n"));
    }

    private StatmgrConfig Config()
    {
        var config = new StatmgrConfig { From = "statmgr@ewhost.example", SmtpTimeoutSeconds = 5 };
        config.MailServers.Add(_server.Address);
        config.MailRecipients.AddRange(["ops@example.org", "duty@example.org"]);
        var pick = new Descriptor { ModName = "pick_ew" };
        pick.MailRecipients.AddRange(["pick@example.org", "ops@example.org"]);
        config.Descriptors.Add(pick);
        return config;
    }
}
