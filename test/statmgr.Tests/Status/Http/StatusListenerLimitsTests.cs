using System.Net;
using System.Net.Sockets;
using System.Text;
using Statmgr.Status.Http;

namespace Statmgr.Tests.Status.Http;

/// <summary>
/// What a slow or hostile client can take from the listener: a few connections, each for the
/// request deadline (on the fake clock), and nothing when the address cannot be bound.
/// </summary>
public class StatusListenerLimitsTests : StatusListenerTestBase
{
    private readonly List<Socket> _clients = [];

    [TearDown]
    public void CloseClients()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        // One instance runs every test of the class.
        _clients.Clear();
    }

    [Test]
    public void TheDefaultsAreEightConnectionsOfFiveSecondsAndAn8KiBHead()
    {
        Assert.That(StatusListenerLimits.Default, Is.EqualTo(new StatusListenerLimits(8, TimeSpan.FromSeconds(5), 8192, 64)));
    }

    [Test]
    public async Task TwentyIdleClientsHoldNoMoreThanEightSlotsAndTheTwentyFirstIsAnsweredWhenTheirTimeIsUp()
    {
        Listen();
        PublishEveryState();
        for (var i = 0; i < 20; i++)
        {
            _clients.Add(await HttpExchange.ConnectAsync(At));
        }
        WaitForAccepted(8);
        using var late = await HttpExchange.ConnectAsync(At);
        await late.SendAsync(Encoding.ASCII.GetBytes("GET /metrics HTTP/1.1\r\n\r\n"));
        Assert.That(Listener.ActiveConnections, Is.EqualTo(8));

        // The 20 idle clients come before it in the accept queue: 8 at a time, each cut off at its deadline.
        Clock.Advance(StatusListenerLimits.Default.RequestDeadline);
        WaitForAccepted(16);
        Assert.That(Listener.ActiveConnections, Is.EqualTo(8));
        Assert.That(Listener.Answered, Is.Zero);
        Clock.Advance(StatusListenerLimits.Default.RequestDeadline);
        WaitForAccepted(21);
        var answer = await HttpExchange.ReadAsync(late);

        Assert.That(answer.Status, Is.EqualTo(200));
        Assert.That(Listener.Answered, Is.EqualTo(1));
        Clock.Advance(StatusListenerLimits.Default.RequestDeadline);
        WaitForActiveConnections(0);
        foreach (var idle in _clients)
        {
            Assert.That(await HttpExchange.ClosedWithoutAnswerAsync(idle), Is.True);
        }
    }

    /// <summary>A listener, and a client that has sent its request line but not yet the empty line that ends the head.</summary>
    private async Task<Socket> StartSlowRequestAsync()
    {
        Listen();
        var slow = await HttpExchange.ConnectAsync(At);
        _clients.Add(slow);
        await slow.SendAsync(Encoding.ASCII.GetBytes("GET /metrics HTTP/1.1\r\n"));
        WaitForAccepted(1);
        return slow;
    }

    [Test]
    public async Task ARequestStillUnfinishedAtTheDeadlineIsCutOff()
    {
        var slow = await StartSlowRequestAsync();

        Clock.Advance(StatusListenerLimits.Default.RequestDeadline);

        Assert.That(await HttpExchange.ClosedWithoutAnswerAsync(slow), Is.True);
        WaitForActiveConnections(0);
        Assert.That(Listener.Answered, Is.Zero);
    }

    [Test]
    public async Task ARequestFinishedJustBeforeTheDeadlineIsAnswered()
    {
        var slow = await StartSlowRequestAsync();

        Clock.Advance(StatusListenerLimits.Default.RequestDeadline - TimeSpan.FromMilliseconds(1));
        await slow.SendAsync(Encoding.ASCII.GetBytes("\r\n"));

        Assert.That((await HttpExchange.ReadAsync(slow)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task AShorterDeadlineAndFewerSlotsAreKept()
    {
        Listen(new StatusListenerLimits(Connections: 2, RequestDeadline: TimeSpan.FromSeconds(1), MaxHeadBytes: 64, Backlog: 4));
        for (var i = 0; i < 3; i++)
        {
            _clients.Add(await HttpExchange.ConnectAsync(At));
        }
        WaitForAccepted(2);
        Assert.That(Listener.ActiveConnections, Is.EqualTo(2));

        Clock.Advance(TimeSpan.FromSeconds(1));
        WaitForAccepted(3);
        var tooLong = await HttpExchange.SendAsync(At, "GET /healthz HTTP/1.1\r\nX-Pad: " + new string('a', 64) + "\r\n\r\n");

        Assert.That(tooLong.Status, Is.EqualTo(431));
    }

    [Test]
    public void AnAddressInUseIsLoggedOnceAndNoListenerStarts()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var at = (IPEndPoint)taken.LocalEndpoint;

        var listener = StatusListener.Start(at, Board, Log);

        Assert.That(listener, Is.Null);
        Assert.That(Log.Entries, Is.EqualTo(new[]
        {
            ("et", $"statmgr: status listener on 127.0.0.1:{at.Port} not started: Address already in use; monitoring goes on\n"),
        }));
    }

    [Test]
    public void AnAddressThisHostDoesNotHaveIsLoggedOnceAndNoListenerStarts()
    {
        // TEST-NET-1 (RFC 5737): never a local address.
        var listener = StatusListener.Start(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 9750), Board, Log);

        Assert.That(listener, Is.Null);
        Assert.That(Log.Entries, Is.EqualTo(new[]
        {
            ("et", "statmgr: status listener on 192.0.2.1:9750 not started: Cannot assign requested address; monitoring goes on\n"),
        }));
    }
}
