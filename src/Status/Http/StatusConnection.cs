using System.Net.Sockets;

namespace Statmgr.Status.Http;

/// <summary>
/// One accepted connection of the status listener: one request read (its head at most
/// <see cref="StatusListenerLimits.MaxHeadBytes"/>), one answer written; then <see cref="DrainAsync"/> until the client closes. The caller's
/// token carries the whole-request deadline: reading, answering and writing all stop when it fires.
/// </summary>
internal static class StatusConnection
{
    /// <summary>Largest count of bytes read and thrown away after the answer, while the client closes its side.</summary>
    private const int DrainBytes = 64 * 1024;

    /// <summary>Serves the request on <paramref name="socket"/>; true when an answer was written.</summary>
    public static async Task<bool> ServeAsync(Socket socket, StatusRoutes routes, int maxHeadBytes, CancellationToken deadline)
    {
        var buffer = new byte[maxHeadBytes];
        var filled = 0;
        var headEnd = -1;
        while (headEnd < 0)
        {
            if (filled == buffer.Length)
            {
                await SendAsync(socket, HttpResponse.Text(431, "request head too large\n"), withBody: true, routes, deadline).ConfigureAwait(false);
                return true;
            }
            var received = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, deadline).ConfigureAwait(false);
            if (received == 0)
            {
                // The client went away before its request was whole: nobody to answer.
                return false;
            }
            filled += received;
            headEnd = HttpRequestHead.EndOf(buffer.AsSpan(0, filled));
        }

        var head = HttpRequestHead.Parse(buffer.AsSpan(0, headEnd));
        if (head is null)
        {
            await SendAsync(socket, HttpResponse.Text(400, "bad request\n"), withBody: true, routes, deadline).ConfigureAwait(false);
            return true;
        }
        HttpResponse response;
        try
        {
            response = await routes.AnswerAsync(head, deadline).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A page that cannot be made must not end the listener, let alone statmgr.
            response = HttpResponse.Text(500, $"internal error: {ex.GetType().Name}\n");
        }
        await SendAsync(socket, response, withBody: head.Method != "HEAD", routes, deadline).ConfigureAwait(false);
        return true;
    }

    private static Task SendAsync(Socket socket, HttpResponse response, bool withBody, StatusRoutes routes, CancellationToken deadline) =>
        response.WriteAsync(socket, withBody, routes.Now, deadline);

    /// <summary>
    /// After the answer: tells the client no more will come, then reads what it still sends until
    /// it closes its side (or the deadline), because closing with unread bytes would reset the connection, and a reset can
    /// destroy the answer before the client has read it.
    /// </summary>
    public static async Task DrainAsync(Socket socket, CancellationToken deadline)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Send);
            var sink = new byte[1024];
            var drained = 0;
            int received;
            while (drained < DrainBytes && (received = await socket.ReceiveAsync(sink, SocketFlags.None, deadline).ConfigureAwait(false)) > 0)
            {
                drained += received;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException)
        {
            // The answer is out; a client that neither closes nor stops sending is simply cut off.
        }
    }
}
