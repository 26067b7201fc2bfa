using System.Globalization;

namespace Statmgr.Monitor.Messages;

/// <summary>
/// A TYPE_HEARTBEAT body: <c>TIME [PID]</c>, tokens split on spaces and newlines only.
/// Parsed straight from the ring buffer; the pid stays a span until someone keeps it.
/// </summary>
internal readonly ref struct HeartbeatMessage
{
    private HeartbeatMessage(long time, ReadOnlySpan<byte> pid)
    {
        Time = time;
        Pid = pid;
    }

    /// <summary>The sender's clock, in epoch seconds.</summary>
    public long Time { get; }

    /// <summary>The pid token as sent (digits), empty for a time-only heartbeat.</summary>
    public ReadOnlySpan<byte> Pid { get; }

    public bool HasPid => !Pid.IsEmpty;

    /// <summary>
    /// Decodes a heartbeat. On failure <paramref name="decodeError"/> holds C's ERR_DECODE note
    /// naming the sending module, or the port's note for a time beyond <paramref name="limit"/>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> body, byte fromModule, SenderTimeLimit limit, out HeartbeatMessage message, out string? decodeError)
    {
        var text = MessageText.AsCString(body);
        message = default;
        Range first = default, second = default;
        int count = 0;
        int i = 0;
        while (true)
        {
            while (i < text.Length && MessageText.IsSeparator(text[i]))
            {
                i++;
            }
            if (i >= text.Length)
            {
                break;
            }
            int start = i;
            while (i < text.Length && !MessageText.IsSeparator(text[i]))
            {
                i++;
            }
            count++;
            if (count == 1)
            {
                first = start..i;
            }
            else if (count == 2)
            {
                second = start..i;
            }
        }

        if (count != 1 && count != 2)
        {
            decodeError = string.Create(CultureInfo.InvariantCulture,
                $"error decoding heartbeat:{MessageText.Decode(text)}, wrong number of tokens {count}, from mod:{fromModule}");
            return false;
        }
        var timeToken = text[first];
        int bad = MessageText.FirstNonDigit(timeToken);
        if (bad >= 0)
        {
            decodeError = string.Create(CultureInfo.InvariantCulture,
                $"error decoding heartbeat time, non-numeric char <{(char)timeToken[bad]}> found at position {bad}, from mod:{fromModule}");
            return false;
        }
        var pid = count == 2 ? text[second] : ReadOnlySpan<byte>.Empty;
        bad = MessageText.FirstNonDigit(pid);
        if (bad >= 0)
        {
            decodeError = string.Create(CultureInfo.InvariantCulture,
                $"error decoding heartbeat PID, non-numeric char <{(char)pid[bad]}> found at position {bad}, from mod:{fromModule}");
            return false;
        }
        long time = MessageText.Atoi(timeToken);
        if (!limit.Admits(time))
        {
            decodeError = SenderTimeLimit.TooFarAhead("heartbeat time", timeToken, fromModule);
            return false;
        }
        message = new HeartbeatMessage(time, pid);
        decodeError = null;
        return true;
    }
}
