using System.Text;

namespace Statmgr.Monitor.Messages;

/// <summary>
/// How C sees a message body: a NUL-terminated string in the C locale. One byte is one character
/// (Latin-1), so text built from a message and written back out keeps the sender's bytes.
/// </summary>
internal static class MessageText
{
    /// <summary>The body up to its first NUL, as C's string functions would see it.</summary>
    public static ReadOnlySpan<byte> AsCString(ReadOnlySpan<byte> body)
    {
        int nul = body.IndexOf((byte)0);
        return nul < 0 ? body : body[..nul];
    }

    public static string Decode(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    public static byte[] Encode(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>Heartbeat and error tokens are split on space and newline only.</summary>
    public static bool IsSeparator(byte b) => b == (byte)' ' || b == (byte)'\n';

    /// <summary>Index of the first byte that is not 0-9, or -1.</summary>
    public static int FirstNonDigit(ReadOnlySpan<byte> token) => token.IndexOfAnyExceptInRange((byte)'0', (byte)'9');

    /// <summary>
    /// glibc <c>atoi</c> widened to 64 bits: leading blanks, an optional sign, then digits;
    /// anything else ends the number, and an out-of-range value saturates as strtol does.
    /// </summary>
    public static long Atoi(ReadOnlySpan<byte> text)
    {
        int i = 0;
        while (i < text.Length && IsCSpace(text[i]))
        {
            i++;
        }
        bool negative = false;
        if (i < text.Length && (text[i] == (byte)'+' || text[i] == (byte)'-'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }
        long value = 0;
        for (; i < text.Length && text[i] >= (byte)'0' && text[i] <= (byte)'9'; i++)
        {
            int digit = text[i] - '0';
            if (value > (long.MaxValue - digit) / 10)
            {
                return negative ? long.MinValue : long.MaxValue;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    public static long Atoi(string text) => Atoi(Encode(text));

    private static bool IsCSpace(byte b) => b == (byte)' ' || (b >= (byte)'\t' && b <= (byte)'\r');
}
