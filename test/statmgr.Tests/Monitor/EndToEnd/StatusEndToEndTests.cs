using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Statmgr.Earthworm.Transport;
using Statmgr.Tests.Notify.Mail;
using Statmgr.Tests.Status.Http;
using static Statmgr.Tests.Monitor.EndToEnd.StatmgrSite;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>
/// statmgr with its status listener on loopback and simulated modules on a real ring, seen the
/// three ways an operator sees it: /metrics, /healthz and <c>statmgr --status</c>. The modules'
/// heartbeats come from the test, so the second each one's deadline passes is known exactly.
/// </summary>
[Category(TestCategory.WholeProcess), NonParallelizable]
public class StatusEndToEndTests
{
    private const byte Sim1 = 11;
    private const int SimTsec = 1;

    /// <summary>
    /// The bench's on-time detection limits ("module dead" after the deadline second, median and
    /// max), which the native and ReadyToRun binaries meet with milliseconds to spare.
    /// </summary>
    private static readonly TimeSpan DetectionMedianLimit = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan DetectionMaxLimit = TimeSpan.FromMilliseconds(150);

    /// <summary>How long statmgr may take to show a change: a snapshot a second, the status file within a quarter second of it.</summary>
    private static readonly TimeSpan ShowLimit = TimeSpan.FromSeconds(5);

    private StatmgrSite _site = null!;
    private IPEndPoint _listen = null!;

    [SetUp]
    public void SetUp()
    {
        _site = new StatmgrSite();
        _listen = new IPEndPoint(IPAddress.Loopback, TestSmtpServer.FreePort());
    }

    [TearDown]
    public void TearDown() => _site?.Dispose(); // null when the host cannot make rings (the test was ignored)

    [Test]
    public void ADeadModuleShowsInMetricsAndStatusAndAStoppedStatmgrIsUnknownWithin15Seconds()
    {
        var ring = StartSite(simulated: 1);
        using var beater = new Beater(TimeSpan.FromMilliseconds(250));
        beater.AddAll([ModPick, Sim1], ring);
        beater.Start();
        Thread.Sleep(1500);
        WaitForDeath(beater, Sim1);

        var metrics = Eventually(() => Get("/metrics"), m => m.Body.Contains("statmgr_module_up{module=\"sim1\",system=\"ewhost\"} 0\n", StringComparison.Ordinal));
        Assert.That(metrics.Body, Does.Contain("statmgr_module_up{module=\"pick_ew\",system=\"ewhost\"} 1\n"));
        var status = Eventually(() => _site.RunStatmgr("--status", "statmgr.d"), s => s.ExitCode == 2);
        Assert.That(status.Stdout, Does.StartWith("STATMGR CRITICAL - 1 dead (sim1), 1 alive, 2 not monitored\n"));
        Assert.That(status.Stdout, Does.Match(@"\nsim1 +dead +\d+/1 s +40011 +0 +-\n"));
        Assert.That(Get("/healthz").Status, Is.EqualTo(200));

        _site.Signal("STOP");
        var stopped = Stopwatch.StartNew();
        try
        {
            var probe = HttpExchange.GetAsync(_listen, "/healthz");
            var answered = SpinWait.SpinUntil(() => probe.IsCompleted, TimeSpan.FromSeconds(4));
            Assert.That(answered && probe.Status == TaskStatus.RanToCompletion && probe.Result.Status == 200, Is.False,
                "/healthz must fail or time out while statmgr is stopped");

            var unknown = Eventually(() => _site.RunStatmgr("--status", "statmgr.d"), s => s.ExitCode == 3, TimeSpan.FromSeconds(15) - stopped.Elapsed);
            TestContext.Out.WriteLine($"--status said UNKNOWN {stopped.Elapsed.TotalSeconds:F1} s after SIGSTOP");
            Assert.That(unknown.Stdout, Does.StartWith("STATMGR UNKNOWN - statmgr's last pass was "));
            Assert.That(unknown.Stdout, Does.Contain(", more than 10 s: statmgr is stuck or not running\n"));
        }
        finally
        {
            _site.Signal("CONT");
        }
    }

    [Test]
    public void TwentyClientsHoldingConnectionsOpenDoNotDelayModuleDead()
    {
        const int sims = 4;
        var ring = StartSite(simulated: sims);
        Assert.That(Get("/healthz").Status, Is.EqualTo(200));
        using var beater = new Beater(TimeSpan.FromMilliseconds(250));
        beater.AddAll(Enumerable.Range(Sim1, sims).Select(m => (byte)m), ring);
        beater.Start();
        using var clients = new HoldingClients(_listen, 20);
        Thread.Sleep(1500);

        var random = new Random(20261208);
        var delays = new List<TimeSpan>();
        for (var m = 0; m < sims; m++)
        {
            Thread.Sleep(random.Next(1000));
            delays.Add(WaitForDeath(beater, (byte)(Sim1 + m)));
        }
        var sorted = delays.Order().ToList();
        var median = (sorted[(sims - 1) / 2] + sorted[sims / 2]) / 2;
        TestContext.Out.WriteLine($"\"module dead\" after the deadline second with {clients.Connections} connections held by 20 clients: "
            + $"median {median.TotalMilliseconds:F1} ms, max {sorted[^1].TotalMilliseconds:F1} ms");
        Assert.That(clients.Connections, Is.GreaterThanOrEqualTo(20), "every client connected");
        Assert.That(median, Is.LessThanOrEqualTo(DetectionMedianLimit));
        Assert.That(sorted[^1], Is.LessThanOrEqualTo(DetectionMaxLimit));
    }

    /// <summary>The site with <paramref name="simulated"/> modules (tsec 1, no restart) and the listener on; statmgr started.</summary>
    private TransportRing StartSite(int simulated)
    {
        _site.WriteConfig(simulated: simulated, simulatedTsec: SimTsec, simulatedRestart: false, commands: $"StatusListen {_listen}\n");
        var ring = _site.CreateRing("STATUS_RING", _site.StatusKey);
        _site.StartStatmgr();
        _site.WaitForLog(StartupReport, StartupLimit);
        return ring;
    }

    /// <summary>
    /// Stops the module's heartbeats and returns how long after its deadline second (the second
    /// at which its last heartbeat's stamp is more than tsec old) the "module dead" line was in
    /// the log, read every millisecond; a line before that second fails the test.
    /// </summary>
    private TimeSpan WaitForDeath(Beater beater, byte module)
    {
        var dead = $"ewhost/sim{module - 10} (MOD_SIM{module - 10}) module dead";
        var before = Occurrences(_site.Log(), dead);
        var deadline = DateTimeOffset.FromUnixTimeSeconds(beater.Stop(module) + SimTsec + 1);
        var limit = deadline + TimeSpan.FromSeconds(2);
        while (Occurrences(_site.Log(), dead) == before)
        {
            Assert.That(DateTimeOffset.UtcNow, Is.LessThan(limit), $"no '{dead}' within 2 s of its deadline second:\n{_site.Messages()}");
            Thread.Sleep(1);
        }
        var delay = DateTimeOffset.UtcNow - deadline;
        TestContext.Out.WriteLine($"{dead}: seen {delay.TotalMilliseconds:F1} ms after the deadline second");
        Assert.That(delay, Is.GreaterThanOrEqualTo(TimeSpan.Zero), "reported before its deadline second");
        return delay;
    }

    private HttpExchange Get(string path) => HttpExchange.GetAsync(_listen, path).GetAwaiter().GetResult();

    /// <summary>Asks again every 200 ms until the answer is the one wanted, for at most <paramref name="limit"/> (<see cref="ShowLimit"/>); returns it.</summary>
    private static T Eventually<T>(Func<T> ask, Func<T, bool> wanted, TimeSpan? limit = null)
    {
        var clock = Stopwatch.StartNew();
        var answer = ask();
        while (!wanted(answer))
        {
            Assert.That(clock.Elapsed, Is.LessThan(limit ?? ShowLimit), $"not as wanted in time; the last answer:\n{answer}");
            Thread.Sleep(200);
            answer = ask();
        }
        return answer;
    }

    /// <summary>
    /// Clients that hold connections open: each connects, sends the start of a request and then a
    /// header byte every half second, never finishing it; when the listener closes the connection
    /// (its deadline), the client connects again at once.
    /// </summary>
    private sealed class HoldingClients : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly List<Task> _clients;
        private int _connections;

        public HoldingClients(IPEndPoint at, int count) =>
            _clients = Enumerable.Range(0, count).Select(_ => Task.Run(() => HoldAsync(at))).ToList();

        /// <summary>Connections made so far, reconnections included.</summary>
        public int Connections => Volatile.Read(ref _connections);

        private async Task HoldAsync(IPEndPoint at)
        {
            var stop = _stop.Token;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var socket = new Socket(at.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                    await socket.ConnectAsync(at, stop);
                    Interlocked.Increment(ref _connections);
                    await socket.SendAsync(Encoding.ASCII.GetBytes("GET /metrics HTTP/1.1\r\nX-Slow: "), SocketFlags.None, stop);
                    while (!stop.IsCancellationRequested)
                    {
                        await Task.Delay(500, stop);
                        await socket.SendAsync("x"u8.ToArray(), SocketFlags.None, stop);
                    }
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException)
                {
                    // Closed by the listener, or the test is over: connect again, or end.
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            Task.WaitAll(_clients.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default)).ToArray(), TimeSpan.FromSeconds(10));
            _stop.Dispose();
        }
    }
}
