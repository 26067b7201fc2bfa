using System.Net;
using System.Net.Sockets;
using Statmgr.TestSupport;

namespace Statmgr.Stress;

/// <summary>
/// A client of statmgr's status listener for the bench's "listener on" rows: on a thread of its
/// own it asks for /metrics ten times a second, as a tight Prometheus or an eager dashboard would,
/// and counts the answers, so a run whose listener never answered does not pass for one that did.
/// </summary>
internal sealed class MetricsPoller : IDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly Uri _metrics;
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _answered;
    private long _failed;

    public MetricsPoller(IPEndPoint listener)
    {
        _metrics = new Uri($"http://{listener}/metrics");
        _thread = new Thread(Run) { IsBackground = true, Name = "metrics poller" };
        _thread.Start();
    }

    /// <summary>A loopback address with a port free just now, for StatusListen.</summary>
    public static IPEndPoint FreeLoopbackEndPoint()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return (IPEndPoint)probe.LocalEndpoint;
    }

    /// <summary>Requests answered with 200.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Requests refused, failed or not answered within 2 s (the first ones, before statmgr listens, among them).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Throws unless the listener answered at least one request: else the run measured nothing of it.</summary>
    public void EnsureAnswered()
    {
        if (Answered == 0)
        {
            throw new InvalidOperationException($"statmgr's status listener answered none of {Failed} /metrics requests");
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        _client.Dispose();
    }

    private void Run() => Periodic.Run(Period, () => _stop, () =>
    {
        try
        {
            using var response = _client.GetAsync(_metrics).GetAwaiter().GetResult();
            _ = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            Interlocked.Increment(ref response.IsSuccessStatusCode ? ref _answered : ref _failed);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _failed);
        }
    });
}
