using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Statmgr.Status.Http;

/// <summary>
/// One answer of the status listener, written as HTTP/1.1 with <c>Connection: close</c>: every
/// connection carries one request, so no client can keep a slot by keeping a connection alive.
/// </summary>
/// <param name="Allow">The methods a 405 names.</param>
internal sealed record HttpResponse(int Status, string ContentType, byte[] Body, string? Allow = null)
{
    public const string PlainText = "text/plain; charset=utf-8";

    /// <summary>
    /// Every answer forbids the browser to fetch anything (scripts, fonts, style sheets, frames)
    /// but the page's own inline style and data: images: the page stays self-contained even if a
    /// module's name were to smuggle markup past the escaping.
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static HttpResponse Text(int status, string text, string? allow = null) =>
        new(status, PlainText, Encoding.UTF8.GetBytes(text), allow);

    /// <summary>Status line and headers; HEAD gets them with the Content-Length its GET would have.</summary>
    public byte[] Head(DateTimeOffset now)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {Status} {Reason(Status)}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Date: {now.UtcDateTime.ToString("R", CultureInfo.InvariantCulture)}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Type: {ContentType}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {Body.Length}\r\n");
        if (Allow is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Allow: {Allow}\r\n");
        }
        head.Append("Cache-Control: no-store\r\n");
        head.Append("X-Content-Type-Options: nosniff\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Security-Policy: {ContentSecurityPolicy}\r\n");
        head.Append("Connection: close\r\n\r\n");
        return Encoding.ASCII.GetBytes(head.ToString());
    }

    /// <summary>Sends the head, and the body unless the request was HEAD.</summary>
    public async Task WriteAsync(Socket socket, bool withBody, DateTimeOffset now, CancellationToken cancel)
    {
        await SendAllAsync(socket, Head(now), cancel).ConfigureAwait(false);
        if (withBody)
        {
            await SendAllAsync(socket, Body, cancel).ConfigureAwait(false);
        }
    }

    private static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> bytes, CancellationToken cancel)
    {
        while (!bytes.IsEmpty)
        {
            var sent = await socket.SendAsync(bytes, SocketFlags.None, cancel).ConfigureAwait(false);
            bytes = bytes[sent..];
        }
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    };
}
