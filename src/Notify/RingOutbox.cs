using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Notify;

/// <summary>
/// Puts statmgr's own messages on rings: pages, pageit heartbeats, restart and status requests.
/// A ring's lock waits at most 1 s, but a C writer that died holding the semaphore leaves it taken
/// for good, and every put would then wait its second again: ten page groups and twenty dead
/// modules held the loop for minutes. So once a put on a ring has timed out, that ring is stuck:
/// its later messages wait in a bounded queue, in order, and the loop tries them once a second
/// (<see cref="Retry"/>) without waiting for the lock. The ring is free again when a put takes its
/// lock (someone reset the semaphore, or startstop re-created the ring).
/// A message that finds the queue full, or is still queued at shutdown, is lost: said once per
/// stuck period and ring (the first loss names the message), with the counts when the period ends.
/// </summary>
internal sealed class RingOutbox
{
    /// <summary>How many messages may wait for one stuck ring: ten page groups for each of ten reports.</summary>
    public const int Capacity = 100;

    private readonly ILogit _logit;
    private readonly Dictionary<long, StuckRing> _stuck = new();

    public RingOutbox(ILogit logit)
    {
        _logit = logit;
    }

    /// <summary>
    /// Puts <paramref name="message"/> now, or queues it behind the ring's earlier messages when
    /// the ring is stuck. False when it failed now (C's text for it and the port's note are logged)
    /// or was lost to a full queue.
    /// </summary>
    public bool Put(ITransportRing ring, OutgoingMessage message)
    {
        var status = Attempt(ring, message.Logo, message.Body);
        if (status != PutStatus.LockTimeout)
        {
            return Reported(ring, message, status);
        }
        var stuck = _stuck[ring.Key];
        if (stuck.Waiting.Count >= Capacity)
        {
            Lose(stuck, message);
            return false;
        }
        stuck.Waiting.Enqueue((ring, message));
        return true;
    }

    /// <summary>
    /// One put that is never queued, for a request whose answer is awaited now. On a stuck ring it
    /// does not wait, and behind queued messages it is not tried at all (LockTimeout), so it cannot overtake them.
    /// </summary>
    public PutStatus PutOnce(ITransportRing ring, Logo logo, ReadOnlySpan<byte> body) => Attempt(ring, logo, body);

    /// <summary>
    /// The once-a-second retry: every stuck ring's queued messages, oldest first, for as long as
    /// its lock can be taken without waiting. <paramref name="attached"/> are the attachments in
    /// use now; a message goes through the one it was given unless that was replaced (the ring re-created).
    /// </summary>
    public void Retry(IEnumerable<ITransportRing> attached)
    {
        if (_stuck.Count == 0)
        {
            return;
        }
        var current = attached.ToList();
        foreach (var stuck in _stuck.Values.ToList())
        {
            if (stuck.Waiting.Count > 0 && Drain(stuck, current))
            {
                End(stuck);
            }
        }
    }

    /// <summary>At shutdown: one last retry, then every message still queued is reported lost.</summary>
    public void Close(IEnumerable<ITransportRing> attached)
    {
        Retry(attached);
        foreach (var stuck in _stuck.Values)
        {
            if (stuck.Waiting.TryPeek(out var oldest))
            {
                _logit.Write("et", $"statmgr: {stuck.Describe()}: the ring lock is still taken at shutdown; {stuck.Put} queued messages put, "
                    + $"{stuck.Lost + stuck.Waiting.Count} lost (the oldest: {oldest.Message.What})\n");
            }
        }
        _stuck.Clear();
    }

    /// <summary>
    /// One put that keeps the ring's order: it waits for the lock only on a ring not known to be
    /// stuck (a timeout makes it stuck), tries without waiting on a stuck ring with nothing
    /// queued (success frees it), and is not tried behind queued messages (LockTimeout).
    /// </summary>
    private PutStatus Attempt(ITransportRing ring, Logo logo, ReadOnlySpan<byte> body)
    {
        if (!_stuck.TryGetValue(ring.Key, out var stuck))
        {
            var status = ring.Put(logo, body);
            if (status == PutStatus.LockTimeout)
            {
                Begin(ring);
            }
            return status;
        }
        if (stuck.Waiting.Count > 0)
        {
            return PutStatus.LockTimeout;
        }
        var tried = ring.TryPut(logo, body);
        if (tried == PutStatus.Ok)
        {
            End(stuck);
        }
        return tried;
    }

    /// <summary>True when the queue emptied and the lock was taken on the way.</summary>
    private bool Drain(StuckRing stuck, List<ITransportRing> attached)
    {
        bool locked = false;
        while (stuck.Waiting.TryPeek(out var waiting))
        {
            var ring = attached.Contains(waiting.Ring) ? waiting.Ring : attached.Find(r => r.Key == stuck.Key);
            if (ring is null)
            {
                return false; // the ring is gone until startstop re-creates it
            }
            var status = ring.TryPut(waiting.Message.Logo, waiting.Message.Body);
            if (status is PutStatus.LockTimeout or PutStatus.LockFailed or PutStatus.Corrupt)
            {
                return false; // still taken, or gone or damaged until startstop re-creates the ring
            }
            stuck.Waiting.Dequeue();
            if (status == PutStatus.Ok)
            {
                stuck.Put++;
                locked = true;
            }
            else
            {
                // Too big or untracked: it can never be put, so it fails as a put of it now would.
                Reported(ring, waiting.Message, status);
                stuck.Lost++;
            }
        }
        return locked;
    }

    private void Begin(ITransportRing ring)
    {
        _stuck[ring.Key] = new StuckRing(ring.Name, ring.Key);
        string problem = ring.LastProblem ?? $"ring {ring.Name} (key {ring.Key}): the ring lock stayed taken";
        _logit.Write("et", $"statmgr: {problem}; puts on this ring wait in a queue (at most {Capacity} messages) and are tried again once a second\n");
    }

    private void End(StuckRing stuck)
    {
        _stuck.Remove(stuck.Key);
        _logit.Write("et", $"statmgr: {stuck.Describe()}: the ring lock is free again; {stuck.Put} queued messages put, {stuck.Lost} lost\n");
    }

    /// <summary>A message the full queue cannot take: the first of a stuck period gets C's text for a failed put and a line naming it; the rest are counted.</summary>
    private void Lose(StuckRing stuck, OutgoingMessage message)
    {
        stuck.Lost++;
        if (stuck.LossReported)
        {
            return;
        }
        stuck.LossReported = true;
        _logit.Write(message.FailureFlags, message.FailureText);
        _logit.Write("et", $"statmgr: {stuck.Describe()}: queue full ({Capacity} messages wait for the ring lock); lost: {message.What}; "
            + "later losses are counted until the lock is free again\n");
    }

    /// <summary>A put's result, with C's text and the port's note logged when it failed.</summary>
    private bool Reported(ITransportRing ring, OutgoingMessage message, PutStatus status)
    {
        if (status == PutStatus.Ok)
        {
            return true;
        }
        _logit.Write(message.FailureFlags, message.FailureText);
        if (PutFailureNote.For(ring, status) is { } note)
        {
            _logit.Write("et", note);
        }
        return false;
    }

    /// <summary>A ring whose lock timed out: what waits for it, and what came of it since.</summary>
    private sealed class StuckRing(string name, long key)
    {
        public long Key => key;

        public Queue<(ITransportRing Ring, OutgoingMessage Message)> Waiting { get; } = new();

        public int Put { get; set; }

        public int Lost { get; set; }

        public bool LossReported { get; set; }

        public string Describe() => $"ring {name} (key {key})";
    }
}

/// <summary>
/// A message statmgr puts on a ring, with a few words naming it in a loss report, and C's log
/// line (flags and text) for a put of it that failed.
/// </summary>
internal sealed record OutgoingMessage(Logo Logo, byte[] Body, string What, string FailureFlags, string FailureText);
