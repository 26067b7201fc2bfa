using System.Text;

namespace Statmgr.Notify;

/// <summary>
/// The bytes of a TYPE_PAGE message for pageit: <c>group: &lt;g&gt; &lt;report&gt;#</c> or the pageit
/// heartbeat <c>alive:&lt;SYS_NAME&gt;#</c>. C overflows a 250-byte buffer on long reports (B7); the
/// port cuts the text so the whole message, closing <c>#</c> included, fits in the page limit.
/// pageit reads a <c>#</c> as the end of a page, so one inside the text (a module's note can hold
/// one) would end the page early and start another, to whatever group followed it: the closing
/// <c>#</c> is the only one a page carries.
/// </summary>
internal static class PageMessage
{
    /// <summary>What a <c>#</c> inside a page's text becomes.</summary>
    public const byte HashStandIn = (byte)' ';

    // One byte per character, so the report text keeps the bytes the modules sent.
    private static readonly Encoding Text = Encoding.Latin1;

    public static byte[] ForGroup(string group, string reportText, int maxBytes, out bool cut) =>
        Build("group: " + group + " " + reportText, maxBytes, out cut);

    public static byte[] Heartbeat(string sysName, int maxBytes, out bool cut) =>
        Build("alive:" + sysName, maxBytes, out cut);

    private static byte[] Build(string text, int maxBytes, out bool cut)
    {
        byte[] body = Text.GetBytes(text);
        body.AsSpan().Replace((byte)'#', HashStandIn);
        int room = Math.Max(maxBytes - 1, 0);
        cut = body.Length > room;
        int keep = cut ? room : body.Length;
        var message = new byte[keep + 1];
        body.AsSpan(0, keep).CopyTo(message);
        message[keep] = (byte)'#';
        return message;
    }
}
