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
internal sealed unsafe partial class PosixLogConsole : LogConsole
{
    // Linux's PIPE_BUF: the largest write a pipe takes in one piece.
    private const int PipeBuf = 4096;

    // poll(2) event bits and errno, the same on every Linux architecture.
    private const short PollOut = 0x4;
    private const short PollErr = 0x8;
    private const short PollNval = 0x20;
    private const int Eintr = 4;

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

                var written = NativeWrite(_fd, start + done, (nuint)Math.Min(length - done, PipeBuf));
                if (written < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Eintr)
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
        var poll = new PollFd { Fd = _fd, Events = PollOut };
        int ready;
        do
        {
            ready = NativePoll(&poll, 1, 0);
        }
        while (ready < 0 && Marshal.GetLastPInvokeError() == Eintr);

        return ready > 0 && (poll.Revents & PollOut) != 0 && (poll.Revents & (PollErr | PollNval)) == 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int NativePoll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint NativeWrite(int fd, byte* buffer, nuint count);
}
