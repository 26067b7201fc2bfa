using System.Text;

namespace Statmgr.Earthworm.Kom;

/// <summary>
/// Command files are byte strings: kom keeps every byte as one char (ISO-8859-1), so texts read
/// from files and written back to logs keep their exact bytes. These helpers cross the border to
/// the operating system, whose strings .NET decodes as UTF-8.
/// </summary>
internal static class LatinText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string FromBytes(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>A text from a file handed to the OS (a path, a variable name): C would pass its bytes.</summary>
    public static string ToOsString(string text)
    {
        if (!HasHighChars(text, out bool allBytes) || !allBytes)
        {
            return text;
        }

        try
        {
            return StrictUtf8.GetString(Encoding.Latin1.GetBytes(text));
        }
        catch (DecoderFallbackException)
        {
            return text;
        }
    }

    /// <summary>An operating-system string (environment value) as the bytes C's getenv would see.</summary>
    public static string FromOsString(string text) =>
        HasHighChars(text, out _) ? Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text)) : text;

    private static bool HasHighChars(string text, out bool allBytes)
    {
        bool high = false;
        allBytes = true;
        foreach (char c in text)
        {
            if (c > 0x7F)
            {
                high = true;
                if (c > 0xFF)
                {
                    allBytes = false;
                }
            }
        }

        return high;
    }
}
