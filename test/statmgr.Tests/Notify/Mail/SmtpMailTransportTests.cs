using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Statmgr.Config;
using Statmgr.Notify.Mail;

namespace Statmgr.Tests.Notify.Mail;

[CancelAfter(30_000)]
public class SmtpMailTransportTests : MailTestBase
{
    [Test]
    public async Task HeadersAndBodyAreAsConfigured(CancellationToken token)
    {
        var server = await StartAsync(new TestSmtpServer());
        var config = Config(server.Address);
        config.From = "statmgr@ewhost.example";
        config.Subject = "EW alarm at ewhost";
        config.MsgPrefix = "From statmgr: ";
        config.MsgSuffix = "-- the Earthworm team";
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1709658131));

        var outcome = await new SmtpMailTransport(MailSettings.FromConfig(config), clock).DeliverAsync("ops@example.org", ErrorReport, token);

        Assert.That(outcome.Kind, Is.EqualTo(MailOutcomeKind.Delivered), outcome.Answer);
        Assert.That(outcome.Answer, Does.StartWith(server.Address + ": "));
        var mail = server.Received.Single();
        Assert.That(mail.MailFrom, Is.EqualTo("statmgr@ewhost.example"));
        Assert.That(mail.RcptTo, Is.EqualTo(new[] { "ops@example.org" }));
        var message = MimeMessage.Load(new MemoryStream(mail.Data));
        Assert.That(message.From.ToString(), Is.EqualTo("statmgr@ewhost.example"));
        Assert.That(message.To.ToString(), Is.EqualTo("ops@example.org"));
        Assert.That(message.Headers[HeaderId.Subject], Is.EqualTo("EW alarm at ewhost"));
        Assert.That(message.Headers[HeaderId.Date], Is.EqualTo("Tue, 05 Mar 2024 17:02:11 +0000"));
        Assert.That(message.Body!.ContentType.MimeType, Is.EqualTo("text/plain"));
        Assert.That(message.Body.ContentType.Charset, Is.EqualTo("utf-8"));
        Assert.That(BodyBytes(mail.Data), Is.EqualTo(Encoding.ASCII.GetBytes(
            "From statmgr: UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew Station XYZ dead\r\n Page sent.\r\n-- the Earthworm team")));
    }

    [Test]
    public async Task DefaultsAreTheSubjectOfCAndUserAtHost(CancellationToken token)
    {
        var server = await StartAsync(new TestSmtpServer());
        var settings = MailSettings.FromConfig(Config(server.Address));

        var outcome = await DeliverAsync(settings, token);

        Assert.That(outcome.Kind, Is.EqualTo(MailOutcomeKind.Delivered), outcome.Answer);
        var message = MimeMessage.Load(new MemoryStream(server.Received.Single().Data));
        Assert.That(message.Subject, Is.EqualTo("Earthworm Status Message"));
        Assert.That(message.From.Mailboxes.Single().Address, Is.EqualTo(Environment.UserName + "@" + Environment.MachineName));
        // The report's own newline, then the one C's echo added (its CRLF ends the data, before the dot).
        Assert.That(BodyBytes(server.Received.Single().Data), Is.EqualTo(Encoding.ASCII.GetBytes(ErrorReport.Replace("\n", "\r\n"))));
    }

    [Test]
    public async Task ConfiguredBytesComeBackUnchangedInHeaderAndBody(CancellationToken token)
    {
        // Config text arrives one char per byte; UTF-8 bytes in statmgr.d must reach the reader as written.
        var server = await StartAsync(new TestSmtpServer());
        var config = Config(server.Address);
        var utf8 = Encoding.UTF8.GetBytes("Séisme ");
        config.MsgPrefix = Encoding.Latin1.GetString(utf8);
        config.Subject = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("Alarme séisme"));

        var outcome = await DeliverAsync(MailSettings.FromConfig(config), token);

        Assert.That(outcome.Kind, Is.EqualTo(MailOutcomeKind.Delivered), outcome.Answer);
        var message = MimeMessage.Load(new MemoryStream(server.Received.Single().Data));
        Assert.That(message.Subject, Is.EqualTo("Alarme séisme"));
        Assert.That(BodyBytes(server.Received.Single().Data), Is.EqualTo(Encoding.UTF8.GetBytes("Séisme " + ErrorReport.Replace("\n", "\r\n"))));
    }

    [Test]
    public async Task FailsOverWhenTheFirstServerRefusesConnections(CancellationToken token)
    {
        var closedPort = TestSmtpServer.FreePort();
        var server = await StartAsync(new TestSmtpServer());
        var settings = MailSettings.FromConfig(Config($"127.0.0.1:{closedPort}", server.Address));

        var outcome = await DeliverAsync(settings, token);

        Assert.That(outcome.Kind, Is.EqualTo(MailOutcomeKind.Delivered), outcome.Answer);
        Assert.That(outcome.Answer, Does.StartWith(server.Address + ": "));
        Assert.That(server.Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task EveryServerDownIsTransientAndNamesEachServer(CancellationToken token)
    {
        var first = TestSmtpServer.FreePort();
        var second = TestSmtpServer.FreePort();
        var settings = MailSettings.FromConfig(Config($"127.0.0.1:{first}", $"127.0.0.1:{second}"));

        var outcome = await DeliverAsync(settings, token);

        Assert.That(outcome.Kind, Is.EqualTo(MailOutcomeKind.Transient));
        Assert.That(outcome.Answer, Does.StartWith($"127.0.0.1:{first}: ").And.Contains($"; 127.0.0.1:{second}: "));
        Assert.That(outcome.Answer, Does.Contain("refused").IgnoreCase);
    }

    [Test]
    public async Task StartTlsWithASelfSignedCertificateAndAuth(CancellationToken token)
    {
        using var certificate = TestCertificates.CreateSelfSignedServer();
        var server = await StartAsync(new TestSmtpServer { Certificate = certificate, RequiredLogin = ("ewmail", "p4ss\"word$(x)") });
        File.WriteAllText(Temp.PathOf("password"), "p4ss\"word$(x)\n");
        var config = Config(server.Address);
        config.SmtpSecurity = SmtpSecurityMode.StartTls;
        config.SmtpUser = "ewmail";
        config.SmtpPasswordFile = Temp.PathOf("password");
        config.SmtpCaFile = Pem(certificate, "relay.pem");

        var outcome = await DeliverAsync(MailSettings.FromConfig(config), token);

        Assert.That(outcome.Kind, Is.EqualTo(MailOutcomeKind.Delivered), outcome.Answer);
        Assert.That(server.Logins, Is.EqualTo(new[] { ("ewmail", "p4ss\"word$(x)") }));
        var mail = server.Received.Single();
        Assert.That(mail.Secure, Is.True);
        Assert.That(mail.User, Is.EqualTo("ewmail"));
    }

    [Test]
    public async Task AWrongPasswordIsTransientAndTheAnswerNeverHoldsThePassword(CancellationToken token)
    {
        using var certificate = TestCertificates.CreateSelfSignedServer();
        var server = await StartAsync(new TestSmtpServer { Certificate = certificate, RequiredLogin = ("ewmail", "right") });
        File.WriteAllText(Temp.PathOf("password"), "Wr0ngSecret\n");
        var config = Config(server.Address);
        config.SmtpUser = "ewmail";
        config.SmtpPasswordFile = Temp.PathOf("password");
        config.SmtpCaFile = Pem(certificate, "relay.pem");

        var outcome = await DeliverAsync(MailSettings.FromConfig(config), token);

        Assert.That(outcome.Kind, Is.EqualTo(MailOutcomeKind.Transient));
        Assert.That(outcome.Answer, Does.StartWith(server.Address + ": authentication failed: "));
        Assert.That(outcome.Answer, Does.Not.Contain("Wr0ngSecret"));
        Assert.That(server.Logins, Is.Not.Empty.And.All.EqualTo(("ewmail", "Wr0ngSecret")));
        Assert.That(server.Received, Is.Empty);
    }

    [Test]
    public async Task APasswordIsNotSentOverAConnectionWithoutTls(CancellationToken token)
    {
        var server = await StartAsync(new TestSmtpServer { RequiredLogin = ("ewmail", "secret"), AuthenticationWithoutTls = true });
        File.WriteAllText(Temp.PathOf("password"), "secret\n");
        var config = Config(server.Address);
        config.SmtpUser = "ewmail";
        config.SmtpPasswordFile = Temp.PathOf("password");

        var outcome = await DeliverAsync(MailSettings.FromConfig(config), token);

        Assert.That(outcome, Is.EqualTo(MailOutcome.Transient(
            server.Address + ": the server offers no TLS, so the SmtpUser password was not sent")));
        Assert.That(server.Logins, Is.Empty);
    }

    [Test]
    public async Task APasswordFileThatIsAFifoIsRefusedInsteadOfWaitedOn(CancellationToken token)
    {
        var server = await StartAsync(new TestSmtpServer { RequiredLogin = ("ewmail", "secret"), AuthenticationWithoutTls = true });
        var config = Config(server.Address);
        config.SmtpSecurity = SmtpSecurityMode.None;
        config.SmtpUser = "ewmail";
        config.SmtpPasswordFile = MakeFifo("password");

        var outcome = await DeliverAsync(MailSettings.FromConfig(config), token).WaitAsync(TimeSpan.FromSeconds(10), token);

        Assert.That(outcome, Is.EqualTo(MailOutcome.Transient(
            $"{server.Address}: SmtpPasswordFile <{config.SmtpPasswordFile}> cannot be read: not a regular file (FIFO)")));
        Assert.That(server.Logins, Is.Empty);
    }

    [Test]
    public async Task ACertificateFromAnUnknownCaIsRefusedUntilSmtpCaFileNamesTheCa(CancellationToken token)
    {
        using var ca = TestCertificates.CreateCa("statmgr test CA");
        using var certificate = TestCertificates.CreateServer(ca);
        var server = await StartAsync(new TestSmtpServer { Certificate = certificate });
        var config = Config(server.Address);
        config.SmtpSecurity = SmtpSecurityMode.StartTls;

        var refused = await DeliverAsync(MailSettings.FromConfig(config), token);

        Assert.That(refused.Kind, Is.EqualTo(MailOutcomeKind.Transient));
        Assert.That(refused.Answer, Does.StartWith(server.Address + ": TLS refused: certificate <CN=statmgr test relay> is not trusted ("));
        Assert.That(server.Received, Is.Empty);

        config.SmtpCaFile = Pem(ca, "ca.pem");
        var accepted = await DeliverAsync(MailSettings.FromConfig(config), token);

        Assert.That(accepted.Kind, Is.EqualTo(MailOutcomeKind.Delivered), accepted.Answer);
        Assert.That(server.Received.Single().Secure, Is.True);
    }

    [Test]
    public async Task AnotherCaInSmtpCaFileDoesNotMakeTheCertificateTrusted(CancellationToken token)
    {
        using var ca = TestCertificates.CreateCa("statmgr test CA");
        using var other = TestCertificates.CreateCa("some other CA");
        using var certificate = TestCertificates.CreateServer(ca);
        var server = await StartAsync(new TestSmtpServer { Certificate = certificate });
        var config = Config(server.Address);
        config.SmtpCaFile = Pem(other, "other.pem");

        var outcome = await DeliverAsync(MailSettings.FromConfig(config), token);

        Assert.That(outcome.Kind, Is.EqualTo(MailOutcomeKind.Transient));
        Assert.That(outcome.Answer, Does.StartWith(server.Address + ": TLS refused: certificate <CN=statmgr test relay> is not trusted by the system or SmtpCaFile ("));
        Assert.That(server.Received, Is.Empty);
    }

    [Test]
    public async Task SslModeSpeaksTlsFromTheFirstByte(CancellationToken token)
    {
        using var ca = TestCertificates.CreateCa("statmgr test CA");
        using var certificate = TestCertificates.CreateServer(ca);
        var server = await StartAsync(new TestSmtpServer { Certificate = certificate, TlsOnConnect = true });
        var config = Config(server.Address);
        config.SmtpSecurity = SmtpSecurityMode.Ssl;
        config.SmtpCaFile = Pem(ca, "ca.pem");

        var outcome = await DeliverAsync(MailSettings.FromConfig(config), token);

        Assert.That(outcome.Kind, Is.EqualTo(MailOutcomeKind.Delivered), outcome.Answer);
        Assert.That(server.Received.Single().Secure, Is.True);
    }

    [Test]
    public async Task ARejectedRecipientIsPermanentAndADeferredOneTransient(CancellationToken token)
    {
        var server = await StartAsync(new TestSmtpServer());
        server.RejectedRecipients.Add("nobody@example.org");
        server.DeferredRecipients.Add("busy@example.org");
        var transport = new SmtpMailTransport(MailSettings.FromConfig(Config(server.Address)), TimeProvider.System);

        var rejected = await transport.DeliverAsync("nobody@example.org", ErrorReport, token);
        var deferred = await transport.DeliverAsync("busy@example.org", ErrorReport, token);

        Assert.That(rejected.Kind, Is.EqualTo(MailOutcomeKind.Permanent));
        Assert.That(rejected.Answer, Does.StartWith(server.Address + ": 550 "));
        Assert.That(deferred.Kind, Is.EqualTo(MailOutcomeKind.Transient));
        Assert.That(deferred.Answer, Does.StartWith(server.Address + ": 451 mailbox busy, try later"));
        Assert.That(server.Received, Is.Empty);
    }

    [Test]
    public async Task ARecipientThatIsNoAddressIsPermanentWithoutConnecting(CancellationToken token)
    {
        var transport = new SmtpMailTransport(MailSettings.FromConfig(Config($"127.0.0.1:{TestSmtpServer.FreePort()}")), TimeProvider.System);

        var outcome = await transport.DeliverAsync("not an address <", ErrorReport, token);

        Assert.That(outcome, Is.EqualTo(MailOutcome.Permanent("<not an address <> is not a mail address")));
    }

    [Test]
    public async Task AServerThatNeverAnswersTimesOut(CancellationToken token)
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var config = Config($"127.0.0.1:{port}");
        config.SmtpTimeoutSeconds = 1;
        var clock = Stopwatch.StartNew();

        var outcome = await DeliverAsync(MailSettings.FromConfig(config), token);

        Assert.That(outcome.Kind, Is.EqualTo(MailOutcomeKind.Transient));
        Assert.That(outcome.Answer, Does.StartWith($"127.0.0.1:{port}: "));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    /// <summary>One delivery of the error report to ops@example.org on the real clock.</summary>
    private static Task<MailOutcome> DeliverAsync(MailSettings settings, CancellationToken token) =>
        new SmtpMailTransport(settings, TimeProvider.System).DeliverAsync("ops@example.org", ErrorReport, token);

    /// <summary>Writes a certificate as a PEM file in the test's directory; returns its path.</summary>
    private string Pem(X509Certificate2 certificate, string name)
    {
        TestCertificates.WritePem(certificate, Temp.PathOf(name));
        return Temp.PathOf(name);
    }

    private static StatmgrConfig Config(params string[] mailServers)
    {
        var config = new StatmgrConfig { SmtpTimeoutSeconds = 5 };
        config.MailServers.AddRange(mailServers);
        return config;
    }

    /// <summary>
    /// The message body as the relay stored it: everything after the blank line ending the header. The
    /// relay keeps the data without the CRLF that ends its last line (that CRLF is part of the
    /// CRLF.CRLF terminator), so a body ending in "\n" shows here without its last CRLF.
    /// </summary>
    internal static byte[] BodyBytes(byte[] data)
    {
        var end = data.AsSpan().IndexOf("\r\n\r\n"u8);
        return data[(end + 4)..];
    }
}
