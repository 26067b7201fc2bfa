using System.Runtime.InteropServices;

namespace Statmgr.Earthworm.Logging;

/// <summary>
/// The libc calls logit makes on Linux (the log file and the consoles), in one place, with the
/// numbers they take and give, which are the same on every Linux architecture. Every call sets
/// errno for <see cref="Marshal.GetLastPInvokeError"/>. off_t is the size of a pointer on Linux
/// (without the large-file variants), so nint stands for it.
/// </summary>
internal static unsafe partial class PosixIo
{
    /// <summary>open(2) flags; the values are the same on x86-64, ARM and AArch64.</summary>
    public const int ORdonly = 0x0, OWronly = 0x1, OCreat = 0x40, OAppend = 0x400, ONonblock = 0x800, OCloexec = 0x80000;

    /// <summary>errno EINTR: a signal came first; the call is made again.</summary>
    public const int Eintr = 4;

    /// <summary>errno ENOSPC: no room left on the filesystem.</summary>
    public const int Enospc = 28;

    /// <summary>poll(2) events: can be written to, failed, not an open descriptor.</summary>
    public const short PollOut = 0x4, PollErr = 0x8, PollNval = 0x20;

    /// <summary>Linux's PIPE_BUF: the largest write a pipe takes in one piece, never split.</summary>
    public const int PipeBuf = 4096;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "lseek", SetLastError = true)]
    public static partial nint Seek(int fd, nint offset, int whence);

    [LibraryImport("libc", EntryPoint = "ftruncate", SetLastError = true)]
    public static partial int Truncate(int fd, nint length);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    /// <summary>C's <c>struct pollfd</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
