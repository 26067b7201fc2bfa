using System.Text;
using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;
using Statmgr.Notify;
using Statmgr.Tests.Monitor;

namespace Statmgr.Tests.Notify;

/// <summary>The outbox's rules one call at a time; the once-a-second timing is the loop's (StuckRingTests).</summary>
public class RingOutboxTests
{
    private static readonly Logo PageLogo = new(2, 2, 104);
    private const string Failure = "Error sending pageit message to transport region.\n";

    private readonly CollectingLogit _log = new();
    private RingOutbox _outbox = null!;
    private InMemoryRing _ring = null!;

    [SetUp]
    public void SetUp()
    {
        _log.Clear();
        _outbox = new RingOutbox(_log);
        _ring = new InMemoryRing("STATUS_RING", 1050) { PutResult = PutStatus.LockTimeout, LastProblem = "ring STATUS_RING (key 1050): taken" };
    }

    [TearDown]
    public void TearDown() => _ring.Dispose();

    private static OutgoingMessage Page(string text) => new(PageLogo, Encoding.Latin1.GetBytes(text), "page " + text, "e", Failure);

    [Test]
    public void AStatusRequestThatTimedOutMakesTheRingStuckSoTheNextPutDoesNotWait()
    {
        Assert.That(_outbox.PutOnce(_ring, new Logo(2, 2, 108), Encoding.Latin1.GetBytes("2\n")), Is.EqualTo(PutStatus.LockTimeout));
        Assert.That(_outbox.Put(_ring, Page("a")), Is.True, "queued");
        Assert.That((_ring.WaitingPuts, _ring.TriedPuts), Is.EqualTo((1, 1)), "the page is tried without waiting, the queue being empty");
        Assert.That(_outbox.PutOnce(_ring, new Logo(2, 2, 108), Encoding.Latin1.GetBytes("2\n")), Is.EqualTo(PutStatus.LockTimeout));
        Assert.That(_ring.TriedPuts, Is.EqualTo(1), "a request is not tried ahead of a queued page");
        Assert.That(_log.Entries, Is.EqualTo(new[]
        {
            ("et", "statmgr: ring STATUS_RING (key 1050): taken; puts on this ring wait in a queue (at most 100 messages) and are tried again once a second\n"),
        }));
    }

    [Test]
    public void QueuedMessagesGoThroughTheNewAttachmentOfARecreatedRing()
    {
        _outbox.Put(_ring, Page("a"));
        _outbox.Put(_ring, Page("b"));
        var fresh = new InMemoryRing("STATUS_RING", 1050);
        _outbox.Retry([fresh]);
        Assert.That(fresh.StoredTexts(104), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(_ring.TriedPuts, Is.Zero);
        Assert.That(_log.Entries.Last(), Is.EqualTo(("et", "statmgr: ring STATUS_RING (key 1050): the ring lock is free again; 2 queued messages put, 0 lost\n")));

        _ring.PutResult = PutStatus.Ok;
        Assert.That(_outbox.Put(_ring, Page("c")), Is.True);
        Assert.That(_ring.WaitingPuts, Is.EqualTo(2), "a free ring waits for its lock as before");
    }

    [Test]
    public void AQueuedMessageThatCanNeverBePutFailsWithCsTextAndTheRestGoOn()
    {
        _outbox.Put(_ring, Page("big"));
        _outbox.Put(_ring, Page("b"));
        _ring.NextPutResults.Enqueue(PutStatus.TooBig);
        _ring.PutResult = PutStatus.Ok;
        _log.Clear();
        _outbox.Retry([_ring]);
        Assert.That(_ring.StoredTexts(104), Is.EqualTo(new[] { "b" }));
        Assert.That(_log.Entries, Is.EqualTo(new[]
        {
            ("e", Failure),
            ("et", "statmgr: ring STATUS_RING (key 1050): the ring lock is free again; 1 queued messages put, 1 lost\n"),
        }));
    }

    [Test]
    public void AFailureOfAFreeRingIsLoggedAtOnceAsBefore()
    {
        _ring.PutResult = PutStatus.LockFailed;
        _ring.LastProblem = "ring STATUS_RING (key 1050): semaphore gone";
        Assert.That(_outbox.Put(_ring, Page("a")), Is.False);
        _outbox.Retry([_ring]);
        _outbox.Close([_ring]);
        Assert.That(_log.Entries, Is.EqualTo(new[] { ("e", Failure), ("et", "statmgr: ring STATUS_RING (key 1050): semaphore gone\n") }));
        Assert.That((_ring.WaitingPuts, _ring.TriedPuts), Is.EqualTo((1, 0)), "nothing is retried");
    }
}
