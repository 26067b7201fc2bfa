using System.Net;
using Microsoft.Extensions.Time.Testing;
using Statmgr.Earthworm.Logging;
using Statmgr.Status;
using Statmgr.Status.Http;

namespace Statmgr.Tests.Status.Http;

/// <summary>
/// A status listener on 127.0.0.1 (a port the system picks) reading a board on a fake clock, as
/// the main loop would fill it; stopped after each test, failed or not.
/// </summary>
public abstract class StatusListenerTestBase
{
    private StatusListener? _listener;

    private protected FakeTimeProvider Clock { get; private set; } = null!;
    private protected StatusBoard Board { get; private set; } = null!;
    private protected CollectingLogit Log { get; private set; } = null!;

    private protected StatusListener Listener => _listener ?? throw new InvalidOperationException("Listen first");

    private protected IPEndPoint At => Listener.LocalEndPoint;

    [SetUp]
    public void MakeBoard()
    {
        Clock = new FakeTimeProvider(StatusSamples.Start);
        Board = new StatusBoard(Clock);
        Log = new CollectingLogit();
    }

    [TearDown]
    public void StopListener() => _listener?.Dispose();

    private protected StatusListener Listen(StatusListenerLimits? limits = null)
    {
        _listener = StatusListener.Start(new IPEndPoint(IPAddress.Loopback, 0), Board, Log, limits);
        Assert.That(_listener, Is.Not.Null, Log.Text);
        return _listener!;
    }

    /// <summary>What the loop does on a pass: marks it, and publishes a snapshot with one module in each state.</summary>
    private protected StatusSnapshot PublishEveryState()
    {
        var snapshot = StatusSamples.EveryState(Clock.GetUtcNow());
        Board.MarkPass(Clock.GetTimestamp());
        Board.Publish(snapshot);
        return snapshot;
    }

    private protected Task<HttpExchange> GetAsync(string path, string method = "GET") => HttpExchange.GetAsync(At, path, method);

    /// <summary>Polls (at most <see cref="HttpExchange.AnswerLimit"/>) until the listener serves <paramref name="count"/> connections.</summary>
    private protected void WaitForActiveConnections(int count) =>
        WaitUntil(() => Listener.ActiveConnections == count, () => $"the listener serves {Listener.ActiveConnections} connections, not {count}");

    /// <summary>Polls (at most <see cref="HttpExchange.AnswerLimit"/>) until the listener has accepted <paramref name="count"/> connections.</summary>
    private protected void WaitForAccepted(long count) =>
        WaitUntil(() => Listener.Accepted == count, () => $"the listener accepted {Listener.Accepted} connections, not {count}");

    private static void WaitUntil(Func<bool> done, Func<string> otherwise)
    {
        var limit = DateTime.UtcNow + HttpExchange.AnswerLimit;
        while (!done())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(limit), otherwise);
            Thread.Sleep(10);
        }
    }
}
