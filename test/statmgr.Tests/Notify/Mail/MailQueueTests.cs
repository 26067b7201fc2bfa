using Microsoft.Extensions.Time.Testing;
using Statmgr.Earthworm.Logging;
using Statmgr.Notify;
using Statmgr.Notify.Mail;
using Statmgr.Status;

namespace Statmgr.Tests.Notify.Mail;

[CancelAfter(20_000)]
public class MailQueueTests : MailTestBase
{

    [Test]
    public async Task TransientFailuresAreRetriedAfter30s1m2m4m8mThenGivenUpWithOneLoggedPair()
    {
        var transport = new ScriptedTransport(Clock, _ => MailOutcome.Transient("127.0.0.1:25: Connection refused"));
        await using var queue = new MailQueue(transport, Log, Clock);

        queue.Send(new MailRequest(["ops@example.org"], Report));
        await queue.WhenIdleAsync();
        Assert.That(transport.Attempts, Has.Count.EqualTo(1));
        foreach (var delay in MailRetryPolicy.RetryDelays)
        {
            var before = transport.Attempts.Count;
            Clock.Advance(delay - TimeSpan.FromSeconds(1));
            await queue.WhenIdleAsync();
            Assert.That(transport.Attempts, Has.Count.EqualTo(before), $"retry came before {delay}");
            Clock.Advance(TimeSpan.FromSeconds(1));
            await queue.WhenIdleAsync();
            Assert.That(transport.Attempts, Has.Count.EqualTo(before + 1), $"no retry after {delay}");
        }
        Clock.Advance(TimeSpan.FromHours(1));
        await queue.WhenIdleAsync();

        Assert.That(transport.Attempts.Select(a => (a.At - Start).TotalSeconds), Is.EqualTo(new[] { 0, 30, 90, 210, 450, 930 }));
        const string tail = "; server answer: 127.0.0.1:25: Connection refused; "
                            + "report: UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n";
        Assert.That(Log.Entries, Is.EqualTo(new[]
        {
            ("et", "statmgr: mail to ops@example.org retrying in 30 s" + tail),
            ("et", "statmgr: mail to ops@example.org retrying in 60 s" + tail),
            ("et", "statmgr: mail to ops@example.org retrying in 120 s" + tail),
            ("et", "statmgr: mail to ops@example.org retrying in 240 s" + tail),
            ("et", "statmgr: mail to ops@example.org retrying in 480 s" + tail),
            ("et", Error),
            ("et", "statmgr: mail to ops@example.org given up after 6 attempts" + tail),
        }));
        Assert.That(queue.Count, Is.Zero);
    }

    [Test]
    public async Task CountsShowWhatWaitsWhatWasDeliveredWhatWaitsForARetryAndWhatFailed()
    {
        var transport = new ScriptedTransport(Clock, a => a.Recipient switch
        {
            "down@example.org" => MailOutcome.Transient("451 try later"),
            "nobody@example.org" => MailOutcome.Permanent("550 no such user"),
            _ => MailOutcome.Delivered("250 Ok"),
        });
        await using var queue = new MailQueue(transport, Log, Clock);
        Assert.That(queue.Counts, Is.EqualTo(new MailStatus(0, 0, 0, 0)));

        queue.Send(new MailRequest(["down@example.org", "up@example.org", "nobody@example.org"], Report));
        await queue.WhenIdleAsync();
        Assert.That(queue.Counts, Is.EqualTo(new MailStatus(1, 1, 1, 1)), "one waits for its retry, one delivered, one refused");

        foreach (var delay in MailRetryPolicy.RetryDelays)
        {
            Clock.Advance(delay);
            await queue.WhenIdleAsync();
        }
        Assert.That(queue.Counts, Is.EqualTo(new MailStatus(0, 1, 0, 2)), "the retried one given up");
    }

    [Test]
    public async Task APermanentFailureIsGivenUpAtOnceAndTheReportLineIsTheFirstLine()
    {
        var transport = new ScriptedTransport(Clock, _ => MailOutcome.Permanent("relay:25: 550 5.1.1 no such user"));
        await using var queue = new MailQueue(transport, Log, Clock);

        queue.Send(new MailRequest(["nobody@example.org"], ErrorReport));
        await queue.WhenIdleAsync();
        Clock.Advance(TimeSpan.FromHours(1));
        await queue.WhenIdleAsync();

        Assert.That(transport.Attempts, Has.Count.EqualTo(1));
        Assert.That(Log.Entries, Is.EqualTo(new[]
        {
            ("et", Error),
            ("et", "statmgr: mail to nobody@example.org refused; server answer: relay:25: 550 5.1.1 no such user; "
                   + "report: UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew Station XYZ dead\n"),
        }));
    }

    [Test]
    public async Task OneMessagePerRecipientInOrderAndNothingLoggedWhenAllAreDelivered()
    {
        var transport = new ScriptedTransport(Clock, _ => MailOutcome.Delivered("250 Ok"));
        await using var queue = new MailQueue(transport, Log, Clock);

        queue.Send(new MailRequest(["a@example.org", "b@example.org"], Report));
        queue.Send(new MailRequest(["c@example.org"], ErrorReport));
        await queue.WhenIdleAsync();

        Assert.That(transport.Attempts.Select(a => (a.Recipient, a.ReportText)), Is.EqualTo(new[]
        {
            ("a@example.org", Report), ("b@example.org", Report), ("c@example.org", ErrorReport),
        }));
        Assert.That(Log.Entries, Is.Empty);
    }

    [Test]
    public async Task AFailingMessageNeverHoldsBackLaterOnesToOtherRecipients()
    {
        var transport = new ScriptedTransport(Clock, a => a.Recipient == "down@example.org"
            ? MailOutcome.Transient("451 try later")
            : MailOutcome.Delivered("250 Ok"));
        await using var queue = new MailQueue(transport, Log, Clock);

        queue.Send(new MailRequest(["down@example.org"], Report));
        await queue.WhenIdleAsync();
        Clock.Advance(TimeSpan.FromSeconds(5));
        queue.Send(new MailRequest(["up@example.org"], ErrorReport));
        await queue.WhenIdleAsync();

        Assert.That(transport.Attempts.Select(a => (a.Recipient, (a.At - Start).TotalSeconds)), Is.EqualTo(new[]
        {
            ("down@example.org", 0.0), ("up@example.org", 5.0),
        }));
        Assert.That(queue.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task ARetryThatIsDueGoesBeforeNewerMessages()
    {
        var failFirst = true;
        var transport = new ScriptedTransport(Clock, a =>
        {
            if (a.Recipient == "a@example.org" && failFirst)
            {
                failFirst = false;
                return MailOutcome.Transient("451 try later");
            }
            return MailOutcome.Delivered("250 Ok");
        });
        await using var queue = new MailQueue(transport, Log, Clock);

        queue.Send(new MailRequest(["a@example.org"], "first\n"));
        await queue.WhenIdleAsync();
        Clock.Advance(TimeSpan.FromSeconds(30));
        queue.Send(new MailRequest(["b@example.org"], "second\n"));
        await queue.WhenIdleAsync();

        Assert.That(transport.Attempts.Select(a => a.ReportText), Is.EqualTo(new[] { "first\n", "first\n", "second\n" }));
        Assert.That(Log.Texts, Is.EqualTo(new[] { "statmgr: mail to a@example.org retrying in 30 s; server answer: 451 try later; report: first\n" }));
    }

    [Test]
    public async Task SendReturnsAtOnceWhileADeliveryHangs()
    {
        var release = new TaskCompletionSource<MailOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var transport = new ScriptedTransport(Clock, (_, _) => release.Task);
        await using var queue = new MailQueue(transport, Log, Clock);

        for (var i = 0; i < 50; i++)
        {
            queue.Send(new MailRequest(["a@example.org", "b@example.org"], Report));
        }

        Assert.That(queue.Count, Is.EqualTo(100));
        Assert.That(transport.Attempts, Has.Count.LessThanOrEqualTo(1));
        release.SetResult(MailOutcome.Delivered("250 Ok"));
    }

    [Test]
    public async Task BeyondAThousandMessagesTheOldestIsDroppedAndLoggedOnce()
    {
        var release = new TaskCompletionSource<MailOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var transport = new ScriptedTransport(Clock, (a, _) => a.ReportText == "in flight\n"
            ? release.Task
            : Task.FromResult(MailOutcome.Delivered("250 Ok")));
        await using var queue = new MailQueue(transport, Log, Clock);
        queue.Send(new MailRequest(["ops@example.org"], "in flight\n"));
        await transport.WaitForAttemptsAsync(1);

        for (var i = 1; i <= MailRetryPolicy.QueueCapacity + 2; i++)
        {
            queue.Send(new MailRequest(["ops@example.org"], $"report {i}\nsecond line\n"));
        }

        Assert.That(queue.Count, Is.EqualTo(MailRetryPolicy.QueueCapacity + 1));
        Assert.That(Log.Entries, Is.EqualTo(new[]
        {
            ("et", Error),
            ("et", "statmgr: mail to ops@example.org dropped, queue full (1000 messages); server answer: none, not yet tried; report: report 1\n"),
            ("et", Error),
            ("et", "statmgr: mail to ops@example.org dropped, queue full (1000 messages); server answer: none, not yet tried; report: report 2\n"),
        }));
        release.SetResult(MailOutcome.Delivered("250 Ok"));
        await queue.WhenIdleAsync();
        Assert.That(transport.Attempts, Has.Count.EqualTo(MailRetryPolicy.QueueCapacity + 1));
        Assert.That(transport.Attempts[1].ReportText, Is.EqualTo("report 3\nsecond line\n"));
        Assert.That(Log.Entries, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task DrainTriesWaitingRetriesOnceMoreAndThenStops()
    {
        var failed = new HashSet<string>();
        var transport = new ScriptedTransport(Clock, a => failed.Add(a.Recipient)
            ? MailOutcome.Transient("451 try later")
            : MailOutcome.Delivered("250 Ok"));
        var queue = new MailQueue(transport, Log, Clock);
        queue.Send(new MailRequest(["a@example.org", "b@example.org"], Report));
        await queue.WhenIdleAsync();
        Assert.That(queue.Count, Is.EqualTo(2));

        await queue.DrainAsync(MailRetryPolicy.ShutdownDrainLimit);

        Assert.That(transport.Attempts.Select(a => (a.Recipient, (a.At - Start).TotalSeconds)), Is.EqualTo(new[]
        {
            ("a@example.org", 0.0), ("b@example.org", 0.0), ("a@example.org", 0.0), ("b@example.org", 0.0),
        }));
        Assert.That(Log.Texts, Is.EqualTo(new[]
        {
            "statmgr: mail to a@example.org retrying in 30 s; server answer: 451 try later; report: " + Report,
            "statmgr: mail to b@example.org retrying in 30 s; server answer: 451 try later; report: " + Report,
        }));
        Assert.That(queue.Count, Is.Zero);
    }

    [Test]
    public async Task WhatDrainCannotSendInTenSecondsIsLoggedAsLost()
    {
        var transport = new ScriptedTransport(Clock, async (a, token) =>
        {
            if (a.Recipient == "slow@example.org")
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, token).ContinueWith(_ => { }, TaskScheduler.Default);
                return MailOutcome.Transient("relay:25: cancelled");
            }
            return MailOutcome.Transient("relay:25: 451 try later");
        });
        var queue = new MailQueue(transport, Log, Clock);
        queue.Send(new MailRequest(["later@example.org"], "waiting for retry\n"));
        await queue.WhenIdleAsync();
        queue.Send(new MailRequest(["slow@example.org", "never@example.org"], ErrorReport));
        await transport.WaitForAttemptsAsync(2);

        var drain = queue.DrainAsync(MailRetryPolicy.ShutdownDrainLimit);
        Clock.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(50);
        Assert.That(drain.IsCompleted, Is.False);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await drain;
        queue.Send(new MailRequest(["after@example.org"], "after shutdown\n"));

        Assert.That(Log.Texts, Is.EqualTo(new[]
        {
            "statmgr: mail to later@example.org retrying in 30 s; server answer: relay:25: 451 try later; report: waiting for retry\n",
            Error,
            "statmgr: mail to slow@example.org lost at shutdown; server answer: relay:25: cancelled; report: UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew Station XYZ dead\n",
            Error,
            "statmgr: mail to later@example.org lost at shutdown; server answer: relay:25: 451 try later; report: waiting for retry\n",
            Error,
            "statmgr: mail to never@example.org lost at shutdown; server answer: none, not yet tried; report: UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew Station XYZ dead\n",
            Error,
            "statmgr: mail to after@example.org lost at shutdown; server answer: none, not yet tried; report: after shutdown\n",
        }));
        Assert.That(Log.Entries.Select(l => l.Flags), Is.All.EqualTo("et"));
        Assert.That(transport.Attempts.Select(a => a.Recipient), Is.EqualTo(new[] { "later@example.org", "slow@example.org" }));
    }

    [Test]
    public async Task ATransportThatThrowsDoesNotStopTheSender()
    {
        var transport = new ScriptedTransport(Clock, a => a.Recipient == "boom@example.org"
            ? throw new InvalidOperationException("transport bug")
            : MailOutcome.Delivered("250 Ok"));
        await using var queue = new MailQueue(transport, Log, Clock);

        queue.Send(new MailRequest(["boom@example.org", "ok@example.org"], Report));
        await queue.WhenIdleAsync();

        Assert.That(transport.Attempts.Select(a => a.Recipient), Is.EqualTo(new[] { "boom@example.org", "ok@example.org" }));
        Assert.That(queue.Count, Is.EqualTo(1));
    }
}
