using System.Text;

namespace Statmgr.EwRing;

/// <summary>Message bodies on the command line and on screen.</summary>
internal static class MessageText
{
    /// <summary>The TEXT argument as bytes: <c>\n</c> is a newline, <c>\\</c> a backslash, <c>{n}</c> the message's index.</summary>
    public static string Expand(string text, long index) =>
        text.Replace("\\\\", "\u0001", StringComparison.Ordinal)
            .Replace("\\n", "\n", StringComparison.Ordinal)
            .Replace("\u0001", "\\", StringComparison.Ordinal)
            .Replace("{n}", index.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>A body on one line: printable ASCII as is, newline as <c>\n</c>, other bytes as <c>\xNN</c>.</summary>
    public static string Show(ReadOnlySpan<byte> body)
    {
        var text = new StringBuilder(body.Length);
        foreach (var b in body)
        {
            if (b == (byte)'\n')
            {
                text.Append("\\n");
            }
            else if (b == (byte)'\\')
            {
                text.Append("\\\\");
            }
            else if (b is >= 0x20 and < 0x7F)
            {
                text.Append((char)b);
            }
            else
            {
                text.Append($"\\x{b:X2}");
            }
        }
        return text.ToString();
    }
}
