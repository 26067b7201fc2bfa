using System.Text;

namespace Statmgr.Notify.Mail;

/// <summary>
/// One output (stdout or stderr) of the mail program: read as it comes, so the program never
/// stalls on a full pipe and never writes into statmgr's own console or log, with only its last
/// <see cref="TailBytes"/> kept for the failure log. A program that prints without end costs a
/// little CPU until it is stopped, never memory or disk.
/// </summary>
internal sealed class MailProgramOutput : IDisposable
{
    /// <summary>
    /// Bytes kept of each output. Small on purpose: the failure line, with both tails, the answer
    /// and the report's first line, must stay within logit's 1024-byte line.
    /// </summary>
    public const int TailBytes = 256;

    private readonly byte[] _tail = new byte[TailBytes];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private int _length;

    public MailProgramOutput(Stream output)
    {
        _reading = ReadAsync(output);
    }

    /// <summary>Completes when the output has ended (every writer closed it).</summary>
    public Task Ended => _reading;

    /// <summary>The kept tail as one line, its control bytes shown as message text is (a newline as a space).</summary>
    public string Tail()
    {
        lock (_tail)
        {
            return VisibleText.OneLine(Encoding.Latin1.GetString(_tail, 0, _length)).Trim();
        }
    }

    /// <summary>Stops reading; whoever still writes then meets a full pipe, or a closed one.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task ReadAsync(Stream output)
    {
        var buffer = new byte[4096];
        var token = _stop.Token;
        try
        {
            int read;
            while (!token.IsCancellationRequested && (read = await output.ReadAsync(buffer, token).ConfigureAwait(false)) > 0)
            {
                Keep(buffer.AsSpan(0, read));
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The program ended, or statmgr no longer listens: either way the tail is complete.
        }
    }

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        lock (_tail)
        {
            if (bytes.Length >= TailBytes)
            {
                bytes[^TailBytes..].CopyTo(_tail);
                _length = TailBytes;
                return;
            }
            var keep = Math.Min(_length, TailBytes - bytes.Length);
            _tail.AsSpan(_length - keep, keep).CopyTo(_tail);
            bytes.CopyTo(_tail.AsSpan(keep));
            _length = keep + bytes.Length;
        }
    }
}
