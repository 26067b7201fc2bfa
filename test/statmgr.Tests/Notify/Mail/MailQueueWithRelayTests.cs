using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Notify;
using Statmgr.Notify.Mail;

namespace Statmgr.Tests.Notify.Mail;

/// <summary>The queue and the SMTP transport together, against a real relay on 127.0.0.1.</summary>
[CancelAfter(40_000)]
public class MailQueueWithRelayTests : MailTestBase
{
    [Test]
    public async Task OneMessagePerRecipientAndARejectedRecipientDoesNotStopTheOthers()
    {
        var server = await StartAsync(new TestSmtpServer());
        server.RejectedRecipients.Add("nobody@example.org");
        await using var queue = new MailQueue(Transport(server.Address), Log, Clock);

        queue.Send(new MailRequest(["a@example.org", "nobody@example.org", "c@example.org"], Report));
        await queue.WhenIdleAsync();

        Assert.That(server.Received.Select(m => m.RcptTo), Is.EqualTo(new[] { new[] { "a@example.org" }, new[] { "c@example.org" } }));
        Assert.That(Log.Texts, Has.Count.EqualTo(2));
        Assert.That(Log.Texts[0], Is.EqualTo(Error));
        Assert.That(Log.Texts[1], Does.StartWith($"statmgr: mail to nobody@example.org refused; server answer: {server.Address}: 550 "));
        Assert.That(Log.Texts[1], Does.EndWith("; report: UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n"));
        Assert.That(queue.Count, Is.Zero);
    }

    [Test]
    public async Task ARelayThatNeverAnswersTimesOutWhileTheCallerGoesOn()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var address = $"127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        var queue = new MailQueue(Transport(address, timeoutSeconds: 1), Log, Clock);
        var watch = Stopwatch.StartNew();

        queue.Send(new MailRequest(["ops@example.org"], Report));
        queue.Send(new MailRequest(["ops@example.org"], "second report\n"));
        // Both calls returned while the relay has not said a word: the caller never waits on it.
        Assert.That(queue.Count, Is.EqualTo(2));
        await queue.WhenIdleAsync();

        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9)).And.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(queue.Count, Is.EqualTo(2), "both wait for their retry");
        Assert.That(Log.Texts, Has.Count.EqualTo(2).And.All.StartWith($"statmgr: mail to ops@example.org retrying in 30 s; server answer: {address}: "));
        Log.Clear();

        await queue.DrainAsync(TimeSpan.Zero);
        Assert.That(Log.Texts.Where(t => t != Error).ToList(), Has.Count.EqualTo(2).And.All.StartWith($"statmgr: mail to ops@example.org lost at shutdown; server answer: {address}: "));
    }

    [Test]
    public async Task ARelayAnsweringOneByteASecondIsLeftAtTheDeadlineForTheNextMailServer()
    {
        // Each read gets its byte within SmtpTimeout, so only a deadline for the whole dialogue helps.
        await using var slow = new SlowSmtpRelay();
        var sink = await StartAsync(new TestSmtpServer());
        var config = new StatmgrConfig { SmtpTimeoutSeconds = 3, From = "statmgr@ewhost.example" };
        config.MailServers.Add(slow.Address);
        config.MailServers.Add(sink.Address);
        await using var queue = new MailQueue(new SmtpMailTransport(MailSettings.FromConfig(config), Clock), Log, Clock);

        queue.Send(new MailRequest(["ops@example.org"], Report));
        await slow.WaitForConnectionAsync();
        Clock.Advance(TimeSpan.FromSeconds(3));
        await queue.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(sink.Received.Select(m => m.RcptTo.Single()), Is.EqualTo(new[] { "ops@example.org" }));
        Assert.That(Log.Entries, Is.EqualTo(new[]
        {
            ("et", $"statmgr: mail to ops@example.org retrying with the next MailServer; server answer: {slow.Address}: did not finish within 3 s; "
                   + "report: UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n"),
        }));
        Assert.That(queue.Count, Is.Zero);
    }

    [Test]
    public async Task ShutdownDrainDeliversWhatIsQueued()
    {
        var server = await StartAsync(new TestSmtpServer());
        var queue = new MailQueue(Transport(server.Address), Log, TimeProvider.System);

        for (var i = 0; i < 5; i++)
        {
            queue.Send(new MailRequest(["a@example.org", "b@example.org"], $"report {i}\n"));
        }
        await queue.DrainAsync(MailRetryPolicy.ShutdownDrainLimit);

        Assert.That(server.Received, Has.Count.EqualTo(10));
        Assert.That(Log.Entries, Is.Empty);
        Assert.That(queue.Count, Is.Zero);
    }

    [Test]
    public async Task ThirtyMinutesWithoutARelay()
    {
        var port = TestSmtpServer.FreePort();
        var first = await StartAsync(new TestSmtpServer(port));
        const int capacity = 100;
        var queue = new MailQueue(Transport($"127.0.0.1:{port}"), Log, Clock, capacity);
        queue.Send(new MailRequest(["ops@example.org"], "before the outage\n"));
        await queue.WhenIdleAsync();
        Assert.That(first.Received, Has.Count.EqualTo(1));
        await first.StopAsync();

        // A report every 10 s for 30 minutes while the relay is down (93 waiting at a time, retries
        // included), and a burst of 30 at minute 20 that overfills the queue.
        var step = TimeSpan.FromSeconds(10);
        var reports = new List<string>();
        var most = 0;
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromMinutes(30); elapsed += step)
        {
            var burst = elapsed == TimeSpan.FromMinutes(20) ? 30 : 1;
            for (var i = 0; i < burst; i++)
            {
                var report = $"report {reports.Count}";
                reports.Add(report);
                queue.Send(new MailRequest(["ops@example.org"], report + "\n"));
            }
            Clock.Advance(step);
            await queue.WhenIdleAsync();
            most = Math.Max(most, queue.Count);
        }
        Assert.That(most, Is.EqualTo(capacity), "the queue filled up and never grew past its bound");

        var back = await StartAsync(new TestSmtpServer(port));
        var returned = Clock.GetUtcNow();
        queue.Send(new MailRequest(["ops@example.org"], "after the return\n"));
        var deliveredAfter = TimeSpan.MaxValue;
        while (Clock.GetUtcNow() - returned <= TimeSpan.FromSeconds(60))
        {
            await queue.WhenIdleAsync();
            if (Bodies(back).Contains("after the return"))
            {
                deliveredAfter = Clock.GetUtcNow() - returned;
                break;
            }
            Clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.That(deliveredAfter, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(60)));

        // Let every waiting retry run out, then account for each report exactly once.
        for (var i = 0; i < 40; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(30));
            await queue.WhenIdleAsync();
        }
        Assert.That(queue.Count, Is.Zero);
        var delivered = Bodies(back);
        var abandoned = Log.Texts.Where(t => t != Error && !t.Contains(" retrying in ", StringComparison.Ordinal)).ToList();
        Assert.That(Log.Texts.Count(t => t == Error), Is.EqualTo(abandoned.Count));
        Assert.That(Log.Entries.Select(l => l.Flags), Is.All.EqualTo("et"));
        foreach (var report in reports)
        {
            var logged = abandoned.Count(t => t.EndsWith($"; report: {report}\n", StringComparison.Ordinal));
            var mailed = delivered.Count(b => b == report);
            Assert.That(logged + mailed, Is.EqualTo(1), $"{report}: logged {logged} times, mailed {mailed} times");
        }
        Assert.That(abandoned, Has.Some.Contains(" given up after 6 attempts; server answer: 127.0.0.1:"));
        Assert.That(abandoned, Has.Some.Contains(" dropped, queue full (100 messages); "));
        Assert.That(delivered, Has.Some.StartsWith("report "), "reports still in retry when the relay came back were delivered");
        await queue.DrainAsync(TimeSpan.Zero);
    }

    /// <summary>Each received message's report text: the body without the newline echo adds and the one the terminator takes.</summary>
    private static List<string> Bodies(TestSmtpServer server) =>
        server.Received
            .Select(m => Encoding.ASCII.GetString(SmtpMailTransportTests.BodyBytes(m.Data)).TrimEnd('\r', '\n'))
            .ToList();

    private SmtpMailTransport Transport(string address, int timeoutSeconds = 5)
    {
        var config = new StatmgrConfig { SmtpTimeoutSeconds = timeoutSeconds, From = "statmgr@ewhost.example" };
        config.MailServers.Add(address);
        return new SmtpMailTransport(MailSettings.FromConfig(config), Clock);
    }
}
