using System.Text;

namespace Statmgr.Status.Http;

/// <summary>
/// What the status listener needs of an HTTP/1.x request: the method and the path. Headers are
/// read (they count against the head's size limit) but none changes the answer, and a request to
/// these pages carries no body.
/// </summary>
internal sealed record HttpRequestHead(string Method, string Path)
{
    /// <summary>
    /// Where the head ends in what was received so far: the index just after the empty line
    /// (CRLF CRLF, or LF LF from a client that sends bare newlines), or -1 while it has not come.
    /// </summary>
    public static int EndOf(ReadOnlySpan<byte> received)
    {
        for (var i = 1; i < received.Length; i++)
        {
            if (received[i] != (byte)'\n')
            {
                continue;
            }
            if (received[i - 1] == (byte)'\n')
            {
                return i + 1;
            }
            if (i >= 3 && received[i - 1] == (byte)'\r' && received[i - 2] == (byte)'\n' && received[i - 3] == (byte)'\r')
            {
                return i + 1;
            }
        }
        return -1;
    }

    /// <summary>
    /// The request line <c>METHOD SP target SP HTTP/1.x</c> of a complete head; null when it is not
    /// one (the client gets 400). The path is the target without its query or fragment.
    /// </summary>
    public static HttpRequestHead? Parse(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf((byte)'\n');
        var line = Encoding.Latin1.GetString(head[..(lineEnd < 0 ? head.Length : lineEnd)]).TrimEnd('\r');
        var parts = line.Split(' ');
        if (parts.Length != 3 || parts[0].Length == 0 || !parts[0].All(char.IsAsciiLetterUpper)
            || !parts[1].StartsWith('/') || parts[2] is not ("HTTP/1.1" or "HTTP/1.0"))
        {
            return null;
        }
        var target = parts[1];
        var end = target.IndexOfAny(['?', '#']);
        return new HttpRequestHead(parts[0], end < 0 ? target : target[..end]);
    }
}
