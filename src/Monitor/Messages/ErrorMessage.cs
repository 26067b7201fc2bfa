using System.Globalization;

namespace Statmgr.Monitor.Messages;

/// <summary>
/// A TYPE_ERROR body: <c>TIME ERRNO[ NOTE]</c>. The note is everything after the one separator
/// that ends ERRNO, kept verbatim with its trailing newline.
/// </summary>
internal readonly ref struct ErrorMessage
{
    private ErrorMessage(long time, short number, ReadOnlySpan<byte> note)
    {
        Time = time;
        Number = number;
        Note = note;
    }

    /// <summary>The sender's clock, in epoch seconds.</summary>
    public long Time { get; }

    /// <summary>The error number as C's short: values above 32767 wrap.</summary>
    public short Number { get; }

    /// <summary>The note bytes (empty when absent); only printable ASCII and newlines.</summary>
    public ReadOnlySpan<byte> Note { get; }

    public string NoteText => MessageText.Decode(Note);

    /// <summary>
    /// Decodes an error message. On failure <paramref name="decodeError"/> holds C's ERR_DECODE
    /// note naming the sending module, or the port's note for a time beyond <paramref name="limit"/>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> body, byte fromModule, SenderTimeLimit limit, out ErrorMessage message, out string? decodeError)
    {
        var text = MessageText.AsCString(body);
        message = default;
        int count = 0;
        int i = SkipSeparators(text, 0);
        var timeToken = ReadOnlySpan<byte>.Empty;
        var numberToken = ReadOnlySpan<byte>.Empty;
        var note = ReadOnlySpan<byte>.Empty;
        if (i < text.Length)
        {
            int end = TokenEnd(text, i);
            timeToken = text[i..end];
            count = 1;
            if (end < text.Length)
            {
                i = SkipSeparators(text, end + 1);
                if (i < text.Length)
                {
                    end = TokenEnd(text, i);
                    numberToken = text[i..end];
                    count = 2;
                    // The note starts after the single separator that ended the number.
                    if (end + 1 < text.Length)
                    {
                        note = text[(end + 1)..];
                        count = 3;
                    }
                }
            }
        }

        if (count < 2)
        {
            decodeError = string.Create(CultureInfo.InvariantCulture,
                $"error decoding error msg:{MessageText.Decode(text)}, wrong number of tokens {count}, from mod:{fromModule}");
            return false;
        }
        int bad = MessageText.FirstNonDigit(timeToken);
        if (bad >= 0)
        {
            decodeError = string.Create(CultureInfo.InvariantCulture,
                $"error decoding error msg time, non-numeric char <{(char)timeToken[bad]}> found at position {bad}, from mod:{fromModule}");
            return false;
        }
        bad = MessageText.FirstNonDigit(numberToken);
        if (bad >= 0)
        {
            decodeError = string.Create(CultureInfo.InvariantCulture,
                $"error decoding error msg number, non-numeric char <{(char)numberToken[bad]}> found at position {bad}, from mod:{fromModule}");
            return false;
        }
        for (int k = 0; k < note.Length; k++)
        {
            byte b = note[k];
            if (b != (byte)'\n' && (b < 0x20 || b > 0x7E))
            {
                decodeError = string.Create(CultureInfo.InvariantCulture,
                    $"error decoding error note, non-printable char <{(char)b}>[{(sbyte)b}] found at position {k}, from mod:{fromModule}");
                return false;
            }
        }
        long time = MessageText.Atoi(timeToken);
        if (!limit.Admits(time))
        {
            decodeError = SenderTimeLimit.TooFarAhead("error msg time", timeToken, fromModule);
            return false;
        }
        // C keeps the number in a short after atoi, which glibc computes as (int)strtol.
        short number = unchecked((short)(int)MessageText.Atoi(numberToken));
        message = new ErrorMessage(time, number, note);
        decodeError = null;
        return true;
    }

    private static int SkipSeparators(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && MessageText.IsSeparator(text[i]))
        {
            i++;
        }
        return i;
    }

    private static int TokenEnd(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && !MessageText.IsSeparator(text[i]))
        {
            i++;
        }
        return i;
    }
}
