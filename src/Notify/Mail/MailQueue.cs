using Statmgr.Earthworm.Logging;

namespace Statmgr.Notify.Mail;

/// <summary>
/// The mail sink of decisions.md §3. The main loop hands reports over and goes on; one background
/// sender mails them one at a time, oldest due first. A transient failure waits for its retry
/// (<see cref="MailRetryPolicy"/>) without holding back later messages; a permanent one is given up
/// at once. At most <see cref="MailRetryPolicy.QueueCapacity"/> messages wait; past that the oldest
/// is dropped. Every message that is not delivered is logged once.
/// </summary>
public sealed class MailQueue : IMailSink, IAsyncDisposable
{
    private readonly object gate = new();
    private readonly List<MailJob> jobs = new();
    private readonly List<TaskCompletionSource> idleWaiters = new();
    private readonly IMailTransport transport;
    private readonly TimeProvider time;
    private readonly MailFailureLog failures;
    private readonly int capacity;
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource drained = NewSignal();
    private readonly Task sender;
    private TaskCompletionSource wake = NewSignal();
    private MailJob? inFlight;
    private long nextSequence;
    private bool draining;
    private bool stopped;
    private bool parked;
    private Task? drainTask;

    public MailQueue(IMailTransport transport, ILogit logit, TimeProvider time)
        : this(transport, logit, time, MailRetryPolicy.QueueCapacity)
    {
    }

    internal MailQueue(IMailTransport transport, ILogit logit, TimeProvider time, int capacity)
    {
        this.transport = transport;
        this.time = time;
        this.capacity = capacity;
        failures = new MailFailureLog(logit);
        sender = Task.Run(RunAsync);
    }

    /// <summary>Messages waiting or being sent (never more than the capacity plus the one in flight).</summary>
    internal int Count
    {
        get
        {
            lock (gate)
            {
                return jobs.Count + (inFlight is null ? 0 : 1);
            }
        }
    }

    /// <summary>Queues one message per recipient and returns at once.</summary>
    public void Send(MailRequest request)
    {
        var dropped = new List<MailJob>();
        var lost = new List<MailJob>();
        lock (gate)
        {
            var now = time.GetUtcNow();
            foreach (var recipient in request.Recipients)
            {
                var job = new MailJob(nextSequence++, recipient, request.ReportText, now);
                if (draining)
                {
                    lost.Add(job);
                    continue;
                }
                jobs.Add(job);
                TrimToCapacity(dropped);
            }
            wake.TrySetResult();
        }
        LogDropped(dropped);
        lost.ForEach(failures.Lost);
    }

    /// <summary>
    /// Shutdown: stops taking messages, tries everything still queued once more (retry waits are
    /// cut short), and after <paramref name="limit"/> stops the sender and logs what is left as lost.
    /// </summary>
    public Task DrainAsync(TimeSpan limit)
    {
        lock (gate)
        {
            if (drainTask is not null)
            {
                return drainTask;
            }
            draining = true;
            if (jobs.Count == 0 && inFlight is null)
            {
                drained.TrySetResult();
            }
            wake.TrySetResult();
            drainTask = DrainCoreAsync(limit);
            return drainTask;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DrainAsync(TimeSpan.Zero).ConfigureAwait(false);
        stop.Dispose();
    }

    /// <summary>
    /// Completes when the sender waits with nothing due (its retry timer armed), so a test can step
    /// a fake clock without racing it.
    /// </summary>
    internal Task WhenIdleAsync()
    {
        lock (gate)
        {
            if (stopped || (parked && FindDue(time.GetUtcNow()) < 0))
            {
                return Task.CompletedTask;
            }
            var waiter = NewSignal();
            idleWaiters.Add(waiter);
            return waiter.Task;
        }
    }

    private async Task DrainCoreAsync(TimeSpan limit)
    {
        if (!drained.Task.IsCompleted)
        {
            using var cancelDelay = new CancellationTokenSource();
            await Task.WhenAny(drained.Task, Task.Delay(limit, time, cancelDelay.Token)).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            await cancelDelay.CancelAsync().ConfigureAwait(false);
        }

        List<MailJob> left;
        lock (gate)
        {
            stopped = true;
            left = jobs.ToList();
            jobs.Clear();
            wake.TrySetResult();
            ReleaseIdleWaiters();
        }
        // Cuts short a delivery still in progress; the sender logs that one itself.
        await stop.CancelAsync().ConfigureAwait(false);
        await sender.ConfigureAwait(false);
        left.ForEach(failures.Lost);
    }

    private async Task RunAsync()
    {
        while (true)
        {
            MailJob? job = null;
            Task? parkedOn = null;
            CancellationTokenSource? timerCancel = null;
            lock (gate)
            {
                parked = false;
                if (stopped)
                {
                    return;
                }
                var now = time.GetUtcNow();
                var index = FindDue(now);
                if (index >= 0)
                {
                    job = jobs[index];
                    jobs.RemoveAt(index);
                    inFlight = job;
                }
                else
                {
                    if (draining && jobs.Count == 0)
                    {
                        drained.TrySetResult();
                    }
                    if (wake.Task.IsCompleted)
                    {
                        wake = NewSignal();
                    }
                    // The timer is armed under the lock, against the same "now", so a clock that
                    // moves on meanwhile cannot make the sender oversleep a retry.
                    timerCancel = new CancellationTokenSource();
                    var timer = jobs.Count > 0
                        ? Task.Delay(jobs.Min(j => j.Due) - now, time, timerCancel.Token)
                        : Task.Delay(Timeout.InfiniteTimeSpan, timerCancel.Token);
                    parkedOn = Task.WhenAny(wake.Task, timer);
                    parked = true;
                    ReleaseIdleWaiters();
                }
            }

            if (job is null)
            {
                await parkedOn!.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
                await timerCancel!.CancelAsync().ConfigureAwait(false);
                timerCancel.Dispose();
                continue;
            }

            MailOutcome outcome;
            try
            {
                outcome = await transport.DeliverAsync(job.Recipient, job.ReportText, stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // A transport is meant to answer, not throw; if one does, the sender must live on.
                outcome = MailOutcome.Transient(ex.Message.ReplaceLineEndings(" "));
            }
            Settle(job, outcome);
        }
    }

    private void Settle(MailJob job, MailOutcome outcome)
    {
        MailJob? refused = null;
        MailJob? gaveUp = null;
        MailJob? lost = null;
        var dropped = new List<MailJob>();
        lock (gate)
        {
            inFlight = null;
            job.Attempts++;
            // An attempt cut short by shutdown says less than the server's last real answer.
            var cutShort = stop.IsCancellationRequested && outcome.Kind == MailOutcomeKind.Transient && job.LastAnswer is not null;
            if (!cutShort)
            {
                job.LastAnswer = outcome.Answer;
            }
            if (outcome.Kind == MailOutcomeKind.Permanent)
            {
                refused = job;
            }
            else if (outcome.Kind == MailOutcomeKind.Transient)
            {
                var delay = MailRetryPolicy.DelayAfter(job.Attempts);
                if (draining || stopped)
                {
                    lost = job;
                }
                else if (delay is null)
                {
                    gaveUp = job;
                }
                else
                {
                    job.Due = time.GetUtcNow() + delay.Value;
                    InsertInOrder(job);
                    TrimToCapacity(dropped);
                }
            }
            if (draining && jobs.Count == 0)
            {
                drained.TrySetResult();
            }
        }
        if (refused is not null)
        {
            failures.Refused(refused);
        }
        if (gaveUp is not null)
        {
            failures.GaveUp(gaveUp);
        }
        if (lost is not null)
        {
            failures.Lost(lost);
        }
        LogDropped(dropped);
    }

    /// <summary>Index of the oldest job whose time has come (every job, while draining), or -1.</summary>
    private int FindDue(DateTimeOffset now)
    {
        for (var i = 0; i < jobs.Count; i++)
        {
            if (draining || jobs[i].Due <= now)
            {
                return i;
            }
        }
        return -1;
    }

    private void InsertInOrder(MailJob job)
    {
        var index = jobs.Count;
        while (index > 0 && jobs[index - 1].Sequence > job.Sequence)
        {
            index--;
        }
        jobs.Insert(index, job);
    }

    private void TrimToCapacity(List<MailJob> dropped)
    {
        while (jobs.Count > capacity)
        {
            dropped.Add(jobs[0]);
            jobs.RemoveAt(0);
        }
    }

    private void LogDropped(List<MailJob> dropped)
    {
        foreach (var job in dropped)
        {
            failures.Dropped(job, capacity);
        }
    }

    private void ReleaseIdleWaiters()
    {
        foreach (var waiter in idleWaiters)
        {
            waiter.TrySetResult();
        }
        idleWaiters.Clear();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
