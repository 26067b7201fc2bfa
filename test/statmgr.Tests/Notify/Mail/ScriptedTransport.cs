using System.Collections.Concurrent;
using Statmgr.Notify.Mail;

namespace Statmgr.Tests.Notify.Mail;

/// <summary>One delivery attempt seen by <see cref="ScriptedTransport"/>.</summary>
internal sealed record Attempt(DateTimeOffset At, string Recipient, string ReportText);

/// <summary>An in-process transport whose answers the test decides; records every attempt with the clock's time.</summary>
internal sealed class ScriptedTransport(TimeProvider time, Func<Attempt, CancellationToken, Task<MailOutcome>> answer) : IMailTransport
{
    private readonly ConcurrentQueue<Attempt> _attempts = new();

    public ScriptedTransport(TimeProvider time, Func<Attempt, MailOutcome> answer)
        : this(time, (attempt, _) => Task.FromResult(answer(attempt)))
    {
    }

    public IReadOnlyList<Attempt> Attempts => _attempts.ToArray();

    public string Description => "scripted";

    public Task<MailOutcome> DeliverAsync(string recipient, string reportText, CancellationToken cancellationToken)
    {
        var attempt = new Attempt(time.GetUtcNow(), recipient, reportText);
        _attempts.Enqueue(attempt);
        return answer(attempt, cancellationToken);
    }
}
