using System.Text;

namespace Statmgr.Notify.Mail;

/// <summary>
/// Config files and ring messages are decoded one byte per char (ISO-8859-1), so the strings here
/// carry the original bytes. These helpers give those bytes back unchanged: as UTF-8 text when they
/// are valid UTF-8 (the usual case for a modern config file), else as ISO-8859-1.
/// </summary>
internal static class MailTextEncoding
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    /// <summary>The encoding that turns <paramref name="text"/> back into its original bytes, and the text to encode with it.</summary>
    public static (Encoding Encoding, string Text) ForBytes(string text)
    {
        if (!IsByteString(text) || IsAscii(text))
        {
            return (Encoding.UTF8, text);
        }
        var bytes = Encoding.Latin1.GetBytes(text);
        try
        {
            return (Encoding.UTF8, StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.Latin1, text);
        }
    }

    /// <summary>The text as a reader should see it (header values, program arguments).</summary>
    public static string Readable(string text) => ForBytes(text).Text;

    /// <summary>The original bytes of the text (what C wrote to the mail program's input).</summary>
    public static byte[] OriginalBytes(string text) =>
        IsByteString(text) ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text);

    private static bool IsByteString(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u00FF')
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u007F')
            {
                return false;
            }
        }
        return true;
    }
}
