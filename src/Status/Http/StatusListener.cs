using System.Net;
using System.Net.Sockets;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Status.Http;

/// <summary>
/// The status listener (StatusListen): a small read-only HTTP/1.1 server on the thread pool, bound
/// exactly to the configured address. It serves at most <see cref="StatusListenerLimits.Connections"/>
/// connections at once and takes the next one from the kernel's accept queue only when one of them
/// ends, so clients that connect and say nothing hold a few slots for a few seconds each and nothing
/// else. It only reads the <see cref="StatusBoard"/>: the main loop never waits for it.
/// </summary>
internal sealed class StatusListener : IDisposable
{
    /// <summary>How long the accept loop pauses after an accept that failed (out of file descriptors) before trying again.</summary>
    private static readonly TimeSpan AcceptRetry = TimeSpan.FromSeconds(1);

    private readonly Socket _socket;
    private readonly StatusRoutes _routes;
    private readonly StatusListenerLimits _limits;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private int _active;
    private long _accepted;
    private long _answered;

    private StatusListener(Socket socket, StatusRoutes routes, StatusListenerLimits limits, TimeProvider time)
    {
        _socket = socket;
        _routes = routes;
        _limits = limits;
        _time = time;
        _slots = new SemaphoreSlim(limits.Connections, limits.Connections);
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>Where it listens (the port the system chose when the configured one was 0).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Connections being served now: never more than the limit.</summary>
    public int ActiveConnections => Volatile.Read(ref _active);

    /// <summary>Connections accepted since the start, each with its deadline running.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Requests answered since the start, whatever the answer.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>
    /// Binds to <paramref name="at"/> and starts serving what <paramref name="board"/> holds; on
    /// <paramref name="board"/>'s clock. When the address cannot be bound, says so once in the log
    /// and returns null: monitoring goes on without the listener.
    /// </summary>
    public static StatusListener? Start(IPEndPoint at, StatusBoard board, ILogit log, StatusListenerLimits? limits = null)
    {
        limits ??= StatusListenerLimits.Default;
        var socket = new Socket(at.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (at.AddressFamily == AddressFamily.InterNetworkV6)
            {
                // [::] means IPv6 only, as written: never IPv4's addresses as well.
                socket.DualMode = false;
            }
            socket.Bind(at);
            socket.Listen(limits.Backlog);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            log.Write("et", $"statmgr: status listener on {at} not started: {ex.Message}; monitoring goes on\n");
            return null;
        }
        return new StatusListener(socket, new StatusRoutes(board, new StatusMetrics(board)), limits, board.Time);
    }

    private async Task AcceptAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                await _slots.WaitAsync(stopping).ConfigureAwait(false);
                client = await _socket.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // Out of file descriptors, or a connection reset while queued: try again shortly.
                _slots.Release();
                await DelayAsync(stopping).ConfigureAwait(false);
                continue;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task DelayAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(AcceptRetry, _time, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop ends.
        }
    }

    /// <summary>
    /// Serves one connection under its deadline, started the moment it was accepted; the slot is
    /// given back however the connection ends.
    /// </summary>
    private async Task ServeAsync(Socket client)
    {
        using var deadline = new CancellationTokenSource(_limits.RequestDeadline, _time);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, _stopping.Token);
        Interlocked.Increment(ref _active);
        Interlocked.Increment(ref _accepted);
        try
        {
            if (await StatusConnection.ServeAsync(client, _routes, _limits.MaxHeadBytes, cancel.Token).ConfigureAwait(false))
            {
                Interlocked.Increment(ref _answered);
                await StatusConnection.DrainAsync(client, cancel.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Out of time, reset by the client, or statmgr is stopping: the connection is closed, nothing more.
        }
        finally
        {
            client.Dispose();
            Interlocked.Decrement(ref _active);
            _slots.Release();
        }
    }

    /// <summary>Stops accepting and cuts every open connection.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _socket.Dispose();
        // _stopping is not disposed: a connection still ending may link to its token.
        _accepting.Wait(AcceptRetry);
    }
}
