using System.Runtime.InteropServices;
using System.Text;

namespace Statmgr.Earthworm.Logging;

/// <summary>
/// A standard stream on Linux, written with poll(2) and write(2) so that it never waits: before
/// each write the descriptor is polled without waiting, and a write is at most PIPE_BUF bytes.
/// A pipe that polls writable has a free buffer of at least that size, and a write that small
/// is never split, so it goes in whole without waiting. O_NONBLOCK is not used: the open file is
/// shared with the parent (startstop) and its other children, and the flag would change it for
/// them too. A terminal stopped with Ctrl-S polls not writable and drops copies the same way.
/// </summary>
internal sealed unsafe class PosixLogConsole : LogConsole
{
    // Entries are at most logit's line buffer; a longer one is encoded on the heap.
    private const int StackLimit = 1024;

    private readonly int _fd;

    public PosixLogConsole(int fd, string name)
        : base(name)
    {
        _fd = fd;
    }

    protected override bool TryWrite(string text)
    {
        var length = Encoding.Latin1.GetByteCount(text);
        var bytes = length <= StackLimit ? stackalloc byte[length] : new byte[length];
        Encoding.Latin1.GetBytes(text, bytes);
        fixed (byte* start = bytes)
        {
            var done = 0;
            while (done < length)
            {
                if (!CanWriteNow())
                {
                    return false;
                }

                var written = PosixIo.Write(_fd, start + done, (nuint)Math.Min(length - done, PosixIo.PipeBuf));
                if (written <= 0)
                {
                    if (written < 0 && Marshal.GetLastPInvokeError() == PosixIo.Eintr)
                    {
                        continue;
                    }

                    // A closed pipe (EPIPE) or descriptor, or a non-blocking one someone else set (EAGAIN).
                    return false;
                }

                done += (int)written;
            }
        }

        return true;
    }

    private bool CanWriteNow()
    {
        var poll = new PosixIo.PollFd { Fd = _fd, Events = PosixIo.PollOut };
        int ready;
        do
        {
            ready = PosixIo.Poll(&poll, 1, 0);
        }
        while (ready < 0 && Marshal.GetLastPInvokeError() == PosixIo.Eintr);

        return ready > 0 && (poll.Revents & PosixIo.PollOut) != 0 && (poll.Revents & (PosixIo.PollErr | PosixIo.PollNval)) == 0;
    }
}
