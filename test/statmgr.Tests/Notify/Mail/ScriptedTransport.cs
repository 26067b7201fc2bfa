using System.Collections.Concurrent;
using System.Diagnostics;
using Statmgr.Notify.Mail;

namespace Statmgr.Tests.Notify.Mail;

/// <summary>One delivery attempt seen by <see cref="ScriptedTransport"/>.</summary>
internal sealed record Attempt(DateTimeOffset At, string Recipient, string ReportText);

/// <summary>
/// An in-process transport whose answers the test decides; records every attempt with the clock's
/// time. Hand-written, not a substitute: the answers are tasks the test completes later, and the
/// queue's thread reads the attempts while the test waits for them.
/// </summary>
internal sealed class ScriptedTransport(TimeProvider time, Func<Attempt, CancellationToken, Task<MailOutcome>> answer) : IMailTransport
{
    private readonly ConcurrentQueue<Attempt> _attempts = new();

    public ScriptedTransport(TimeProvider time, Func<Attempt, MailOutcome> answer)
        : this(time, (attempt, _) => Task.FromResult(answer(attempt)))
    {
    }

    public IReadOnlyList<Attempt> Attempts => _attempts.ToArray();

    /// <summary>Waits until the queue's thread has made <paramref name="count"/> attempts; fails after ten seconds of real time.</summary>
    public async Task WaitForAttemptsAsync(int count)
    {
        var clock = Stopwatch.StartNew();
        while (_attempts.Count < count)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                Assert.Fail($"{_attempts.Count} of {count} delivery attempts within 10 s");
            }
            await Task.Delay(1);
        }
    }

    public string Description => "scripted";

    public Task<MailOutcome> DeliverAsync(string recipient, string reportText, CancellationToken cancellationToken)
    {
        var attempt = new Attempt(time.GetUtcNow(), recipient, reportText);
        _attempts.Enqueue(attempt);
        return answer(attempt, cancellationToken);
    }
}
