using System.Net;
using System.Net.Sockets;
using Statmgr.Config;
using Statmgr.Notify.Mail;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

/// <summary>
/// Mail as the monitor sees it. Issue 5's promise to the main loop: a relay that accepts the
/// connection and then never answers holds up its mail, never the monitor (the monitor runs on the
/// fake clock with the real mail queue and the real SMTP transport pointed at a listener that never
/// writes a byte). And a report never claims a mail that no mail path can send.
/// </summary>
public class StuckMailTests
{
    [Test]
    public void WithNoMailPathAtAllNoReportSaysMailSent()
    {
        var h = new MonitorHarness { MailSink = DiscardMailSink.Instance };
        h.Start();
        h.RunUntil(StartTime + 31);

        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Utc(StartTime) + "  ewhost/statmgr Program starting. Page sent.\n",
            Utc(StartTime + 31) + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n",
        }));
    }

    [Test]
    public async Task ModuleDeadIsLoggedOnTimeWhileTheStartupMailIsStuck()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var config = new StatmgrConfig { SmtpTimeoutSeconds = 30, From = "statmgr@ewhost.example" };
        config.MailServers.Add($"127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}");
        var h = new MonitorHarness();
        var queue = new MailQueue(new SmtpMailTransport(MailSettings.FromConfig(config), TimeProvider.System), h.Log, TimeProvider.System);
        try
        {
            h.MailSink = queue;
            h.Start();

            // The startup report is mailed: the sender connects and then waits on the silent relay.
            using var stuck = await silent.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.That(queue.Count, Is.EqualTo(2), "both startup mails are still queued or in flight");

            h.RunUntil(StartTime + 31);

            Assert.That(h.Reports, Has.Member(Utc(StartTime + 31) + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.\n"));
            Assert.That(stuck.Available, Is.Zero, "the relay is still silent");
            Assert.That(queue.Count, Is.GreaterThanOrEqualTo(2), "the startup mail is still stuck, and the death's mails wait behind it");
        }
        finally
        {
            await queue.DrainAsync(TimeSpan.Zero);
            await queue.DisposeAsync();
        }
    }
}
