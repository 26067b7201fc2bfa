using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Statmgr.Tests.Notify.Mail;

/// <summary>
/// A relay on 127.0.0.1 that speaks correct SMTP one byte a second: every single read a client
/// makes gets an answer well within any per-read timeout, yet a whole dialogue takes over a minute.
/// It swallows what it is sent and delivers nothing.
/// </summary>
internal sealed class SlowSmtpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _sessions = [];
    private readonly Task _accepting;
    private int _connections;

    public SlowSmtpRelay()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Waits (real time, at most ten seconds) until a client has connected.</summary>
    public async Task WaitForConnectionAsync()
    {
        for (var waited = 0; Connections == 0; waited += 10)
        {
            Assert.That(waited, Is.LessThan(10_000), "nobody connected to the slow relay within 10 s");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener is how accepting ends.
        }
        Task[] sessions;
        lock (_sessions)
        {
            sessions = [.. _sessions];
        }
        await Task.WhenAll(sessions);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            lock (_sessions)
            {
                _sessions.Add(ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await DribbleAsync(stream, "220 slow.example ESMTP\r\n");
                var inData = false;
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    if (inData)
                    {
                        inData = line != ".";
                        if (!inData)
                        {
                            await DribbleAsync(stream, "250 swallowed\r\n");
                        }
                        continue;
                    }
                    var verb = line.Split(' ')[0].ToUpperInvariant();
                    inData = verb == "DATA";
                    await DribbleAsync(stream, verb switch
                    {
                        "DATA" => "354 go on\r\n",
                        "QUIT" => "221 bye\r\n",
                        _ => "250 ok\r\n",
                    });
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up, or the test ended.
            }
        }
    }

    private async Task DribbleAsync(NetworkStream stream, string reply)
    {
        foreach (var b in Encoding.ASCII.GetBytes(reply))
        {
            await stream.WriteAsync(new[] { b }, _stop.Token);
            await Task.Delay(TimeSpan.FromSeconds(1), _stop.Token);
        }
    }
}
