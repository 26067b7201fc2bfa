using System.Buffers;
using System.Globalization;
using System.Text;

namespace Statmgr.Notify;

/// <summary>
/// Text that came from a message, made unable to pass for statmgr's own output. A module's note,
/// or a decode error quoting a message, could otherwise write lines into the log and the page
/// that look like statmgr's, or send terminal escapes to whoever reads the log, the console or a
/// mail. Control bytes are shown as <c>\xHH</c>; tab is kept (it cannot start a line or move
/// text backwards). Bytes 0x80-0xFF are kept too: statmgr's strings carry bytes that may be UTF-8
/// (see the mail encoding), and a lone 0x80-0x9F byte is no control on a UTF-8 terminal. Text with
/// nothing to change is returned as the same string, so clean text costs one scan and no copy.
/// </summary>
internal static class VisibleText
{
    /// <summary>What a newline inside a report becomes, so that a report stays one line everywhere.</summary>
    public const char NewlineStandIn = ' ';

    private const char Tab = '\t';
    private const char Delete = '\u007F';

    private static readonly SearchValues<char> LineControls = SearchValues.Create(Controls(keepNewline: false));
    private static readonly SearchValues<char> MailControls = SearchValues.Create(Controls(keepNewline: true));

    /// <summary>One line: a newline becomes a space, every other control byte but tab <c>\xHH</c>.</summary>
    public static string OneLine(string text) => Show(text, LineControls);

    /// <summary>Mail body text: newlines and tabs kept, every other control byte <c>\xHH</c>.</summary>
    public static string ForMail(string text) => Show(text, MailControls);

    private static string Show(string text, SearchValues<char> controls)
    {
        int first = text.AsSpan().IndexOfAny(controls);
        if (first < 0)
        {
            return text;
        }
        var shown = new StringBuilder(text.Length + 16);
        shown.Append(text, 0, first);
        foreach (char c in text.AsSpan(first))
        {
            if (!controls.Contains(c))
            {
                shown.Append(c);
            }
            else if (c == '\n')
            {
                shown.Append(NewlineStandIn);
            }
            else
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            }
        }
        return shown.ToString();
    }

    private static string Controls(bool keepNewline)
    {
        var controls = new StringBuilder();
        for (char c = '\0'; c < ' '; c++)
        {
            if (c != Tab && !(keepNewline && c == '\n'))
            {
                controls.Append(c);
            }
        }
        return controls.Append(Delete).ToString();
    }
}
