using Statmgr.Earthworm.Logging;
using Statmgr.Status;

namespace Statmgr.Notify.Mail;

/// <summary>
/// The mail sink that takes sending off the main loop (C waited for each mail there). The main
/// loop hands reports over and goes on; one background sender, started with the first report to
/// mail, mails them one at a time, oldest due first. A transient failure waits for its retry
/// (<see cref="MailRetryPolicy"/>) without holding back later messages; a permanent one is given up
/// at once. At most <see cref="MailRetryPolicy.QueueCapacity"/> messages wait; past that the oldest
/// is dropped. Every message that is not delivered is logged once; every failed attempt that is
/// followed by another (the next MailServer, or the retry) is logged as retrying when it happens.
/// </summary>
internal sealed class MailQueue : IMailSink, IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<MailJob> _jobs = new();
    private readonly List<TaskCompletionSource> _idleWaiters = new();
    private IMailTransport _transport;
    private readonly TimeProvider _time;
    private readonly MailFailureLog _failures;
    private readonly int _capacity;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _drained = NewSignal();
    private Task? _sender;
    private TaskCompletionSource _wake = NewSignal();
    private MailJob? _inFlight;
    private long _nextSequence;
    private bool _draining;
    private bool _stopped;
    private bool _parked;
    private Task? _drainTask;

    // What a status view reads: written under _gate, read without it (see Counts).
    private long _delivered;
    private long _failed;
    private int _waitingNow;
    private int _retryingNow;

    public MailQueue(IMailTransport transport, ILogit logit, TimeProvider time)
        : this(transport, logit, time, MailRetryPolicy.QueueCapacity)
    {
    }

    internal MailQueue(IMailTransport transport, ILogit logit, TimeProvider time, int capacity)
    {
        _transport = transport;
        _time = time;
        _capacity = capacity;
        _failures = new MailFailureLog(logit);
    }

    /// <summary>
    /// A reload's new way of mailing: every message from the next attempt on goes through it, the
    /// ones already waiting (and their retries) included; the one in flight ends on the old one.
    /// </summary>
    internal void UseTransport(IMailTransport transport) => Volatile.Write(ref _transport, transport);

    /// <summary>Messages waiting or being sent (never more than the capacity plus the one in flight).</summary>
    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _jobs.Count + (_inFlight is null ? 0 : 1);
            }
        }
    }

    public bool HasMailPath => true;

    /// <summary>
    /// Waiting now (the one being sent included), delivered, waiting now after a failed attempt,
    /// and never delivered (refused, given up, dropped for room or lost at shutdown).
    /// </summary>
    public MailStatus Counts => new(Volatile.Read(ref _waitingNow), Interlocked.Read(ref _delivered),
        Volatile.Read(ref _retryingNow), Interlocked.Read(ref _failed));

    /// <summary>Queues one message per recipient and returns at once.</summary>
    public void Send(MailRequest request)
    {
        var dropped = new List<MailJob>();
        var lost = new List<MailJob>();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var recipient in request.Recipients)
            {
                var job = new MailJob(_nextSequence++, recipient, request.ReportText, now);
                if (_draining)
                {
                    lost.Add(job);
                    continue;
                }
                _jobs.Add(job);
                TrimToCapacity(dropped);
                // The sender (and with it the thread pool) starts with the first mail, not at
                // startup: a statmgr that has nothing to mail runs on its main thread alone.
                _sender ??= Task.Run(RunAsync);
            }
            RecountWaiting();
            _wake.TrySetResult();
        }
        LogDropped(dropped);
        LogLost(lost);
    }

    /// <summary>
    /// Shutdown: stops taking messages, tries everything still queued once more (retry waits are
    /// cut short), and after <paramref name="limit"/> stops the sender and logs what is left as lost.
    /// </summary>
    public Task DrainAsync(TimeSpan limit)
    {
        lock (_gate)
        {
            if (_drainTask is not null)
            {
                return _drainTask;
            }
            _draining = true;
            if (_jobs.Count == 0 && _inFlight is null)
            {
                _drained.TrySetResult();
            }
            _wake.TrySetResult();
            _drainTask = DrainCoreAsync(limit);
            return _drainTask;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DrainAsync(TimeSpan.Zero).ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>
    /// Completes when the sender waits with nothing due (its retry timer armed), so a test can step
    /// a fake clock without racing it.
    /// </summary>
    internal Task WhenIdleAsync()
    {
        lock (_gate)
        {
            if (_stopped || _sender is null || (_parked && FindDue(_time.GetUtcNow()) < 0))
            {
                return Task.CompletedTask;
            }
            var waiter = NewSignal();
            _idleWaiters.Add(waiter);
            return waiter.Task;
        }
    }

    private async Task DrainCoreAsync(TimeSpan limit)
    {
        if (!_drained.Task.IsCompleted)
        {
            using var cancelDelay = new CancellationTokenSource();
            await Task.WhenAny(_drained.Task, Task.Delay(limit, _time, cancelDelay.Token)).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            await cancelDelay.CancelAsync().ConfigureAwait(false);
        }

        List<MailJob> left;
        Task? sender;
        lock (_gate)
        {
            _stopped = true;
            sender = _sender;
            left = _jobs.ToList();
            _jobs.Clear();
            RecountWaiting();
            _wake.TrySetResult();
            ReleaseIdleWaiters();
        }
        // Cuts short a delivery still in progress; the sender logs that one itself.
        await _stop.CancelAsync().ConfigureAwait(false);
        if (sender is not null)
        {
            await sender.ConfigureAwait(false);
        }
        LogLost(left);
    }

    private async Task RunAsync()
    {
        while (true)
        {
            MailJob? job = null;
            Task? parkedOn = null;
            CancellationTokenSource? timerCancel = null;
            lock (_gate)
            {
                _parked = false;
                if (_stopped)
                {
                    return;
                }
                var now = _time.GetUtcNow();
                var index = FindDue(now);
                if (index >= 0)
                {
                    job = _jobs[index];
                    _jobs.RemoveAt(index);
                    _inFlight = job;
                    RecountWaiting();
                }
                else
                {
                    if (_draining && _jobs.Count == 0)
                    {
                        _drained.TrySetResult();
                    }
                    if (_wake.Task.IsCompleted)
                    {
                        _wake = NewSignal();
                    }
                    // The timer is armed under the lock, against the same "now", so a clock that
                    // moves on meanwhile cannot make the sender oversleep a retry.
                    timerCancel = new CancellationTokenSource();
                    var timer = _jobs.Count > 0
                        ? Task.Delay(_jobs.Min(j => j.Due) - now, _time, timerCancel.Token)
                        : Task.Delay(Timeout.InfiniteTimeSpan, timerCancel.Token);
                    parkedOn = Task.WhenAny(_wake.Task, timer);
                    _parked = true;
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
                outcome = await Volatile.Read(ref _transport).DeliverAsync(job.Recipient, job.ReportText, _stop.Token).ConfigureAwait(false);
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
        TimeSpan? retryIn = null;
        var dropped = new List<MailJob>();
        lock (_gate)
        {
            _inFlight = null;
            job.Attempts++;
            // An attempt cut short by shutdown says less than the server's last real answer.
            var cutShort = _stop.IsCancellationRequested && outcome.Kind == MailOutcomeKind.Transient && job.LastAnswer is not null;
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
                if (_draining || _stopped)
                {
                    lost = job;
                }
                else if (delay is null)
                {
                    gaveUp = job;
                }
                else
                {
                    job.Due = _time.GetUtcNow() + delay.Value;
                    InsertInOrder(job);
                    TrimToCapacity(dropped);
                    retryIn = dropped.Contains(job) ? null : delay;
                }
            }
            if (_draining && _jobs.Count == 0)
            {
                _drained.TrySetResult();
            }
            RecountWaiting();
        }
        if (outcome.Kind == MailOutcomeKind.Delivered)
        {
            Interlocked.Increment(ref _delivered);
        }
        if ((refused ?? gaveUp ?? lost) is not null)
        {
            Interlocked.Increment(ref _failed);
        }
        foreach (var answer in outcome.PassedOver)
        {
            _failures.PassedOver(job, answer);
        }
        if (retryIn is not null)
        {
            _failures.Retrying(job, retryIn.Value);
        }
        if (refused is not null)
        {
            _failures.Refused(refused);
        }
        if (gaveUp is not null)
        {
            _failures.GaveUp(gaveUp);
        }
        if (lost is not null)
        {
            _failures.Lost(lost);
        }
        LogDropped(dropped);
    }

    /// <summary>Index of the oldest job whose time has come (every job, while draining), or -1.</summary>
    private int FindDue(DateTimeOffset now)
    {
        for (var i = 0; i < _jobs.Count; i++)
        {
            if (_draining || _jobs[i].Due <= now)
            {
                return i;
            }
        }
        return -1;
    }

    private void InsertInOrder(MailJob job)
    {
        var index = _jobs.Count;
        while (index > 0 && _jobs[index - 1].Sequence > job.Sequence)
        {
            index--;
        }
        _jobs.Insert(index, job);
    }

    private void TrimToCapacity(List<MailJob> dropped)
    {
        while (_jobs.Count > _capacity)
        {
            dropped.Add(_jobs[0]);
            _jobs.RemoveAt(0);
        }
    }

    /// <summary>Under the lock: the waiting counts a status view reads.</summary>
    private void RecountWaiting()
    {
        var retrying = _inFlight is { Attempts: > 0 } ? 1 : 0;
        foreach (var job in _jobs)
        {
            retrying += job.Attempts > 0 ? 1 : 0;
        }
        Volatile.Write(ref _waitingNow, _jobs.Count + (_inFlight is null ? 0 : 1));
        Volatile.Write(ref _retryingNow, retrying);
    }

    private void LogLost(List<MailJob> lost)
    {
        Interlocked.Add(ref _failed, lost.Count);
        lost.ForEach(_failures.Lost);
    }

    private void LogDropped(List<MailJob> dropped)
    {
        Interlocked.Add(ref _failed, dropped.Count);
        foreach (var job in dropped)
        {
            _failures.Dropped(job, _capacity);
        }
    }

    private void ReleaseIdleWaiters()
    {
        foreach (var waiter in _idleWaiters)
        {
            waiter.TrySetResult();
        }
        _idleWaiters.Clear();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
