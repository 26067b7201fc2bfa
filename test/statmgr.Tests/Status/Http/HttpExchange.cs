using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Statmgr.Tests.Status.Http;

/// <summary>
/// A raw HTTP client for the listener's tests: writes exactly the bytes given (odd methods, broken
/// heads, HEAD), reads the answer to the end of the connection and splits it up.
/// </summary>
internal sealed record HttpExchange(int Status, IReadOnlyDictionary<string, string> Headers, string Body, string Raw)
{
    /// <summary>How long a test waits for an answer the listener should give at once.</summary>
    public static readonly TimeSpan AnswerLimit = TimeSpan.FromSeconds(20);

    public static Task<HttpExchange> GetAsync(IPEndPoint at, string path, string method = "GET") =>
        SendAsync(at, $"{method} {path} HTTP/1.1\r\nHost: {at}\r\nUser-Agent: statmgr-tests\r\n\r\n");

    public static async Task<HttpExchange> SendAsync(IPEndPoint at, string request)
    {
        using var client = await ConnectAsync(at);
        await client.SendAsync(Encoding.Latin1.GetBytes(request));
        return await ReadAsync(client);
    }

    public static async Task<Socket> ConnectAsync(IPEndPoint at)
    {
        var client = new Socket(at.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(at);
        return client;
    }

    /// <summary>Reads until the listener closes the connection, then parses what came.</summary>
    public static async Task<HttpExchange> ReadAsync(Socket client)
    {
        using var cancel = new CancellationTokenSource(AnswerLimit);
        var received = new MemoryStream();
        var buffer = new byte[8192];
        int count;
        while ((count = await client.ReceiveAsync(buffer, SocketFlags.None, cancel.Token)) > 0)
        {
            received.Write(buffer, 0, count);
        }
        return Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    /// <summary>True when the listener closed the connection (EOF or reset) without a byte of answer.</summary>
    public static async Task<bool> ClosedWithoutAnswerAsync(Socket client)
    {
        using var cancel = new CancellationTokenSource(AnswerLimit);
        try
        {
            return await client.ReceiveAsync(new byte[1], SocketFlags.None, cancel.Token) == 0;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
        {
            return true;
        }
    }

    private static HttpExchange Parse(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.That(split, Is.GreaterThan(0), $"no complete HTTP head in: {raw}");
        var lines = raw[..split].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(line => line.Split(": ", 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        return new HttpExchange(status, headers, raw[(split + 4)..], raw);
    }
}
