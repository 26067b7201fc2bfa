using System.Runtime.InteropServices;

namespace Statmgr.Earthworm.Logging;

/// <summary>
/// The Linux log file: open(2) with O_APPEND, exactly what C's <c>fopen(path, "a")</c> does, so
/// writes go to the end of the file as the kernel sees it, never to a remembered offset.
/// </summary>
internal sealed unsafe partial class PosixAppendFile : AppendFile
{
    // Linux open(2) flags; the values are the same on x86-64, ARM and AArch64.
    private const int OWronly = 0x1;
    private const int OCreat = 0x40;
    private const int OAppend = 0x400;
    private const int OCloexec = 0x80000;

    // rw-rw-rw- before the umask, as fopen creates files.
    private const int CreateMode = 0x1B6;

    // errno values, the same on every Linux architecture.
    private const int Eintr = 4;
    private const int Enospc = 28;

    private const int SeekCur = 1;

    private int _fd;

    private PosixAppendFile(string path, int fd)
        : base(path)
    {
        _fd = fd;
    }

    public static new PosixAppendFile Open(string path)
    {
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new IOException($"Log file path contains a NUL character: {path}");
        }

        int fd;
        do
        {
            fd = NativeOpen(path, OWronly | OCreat | OAppend | OCloexec, CreateMode);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == Eintr);

        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"open({path}): {Marshal.GetPInvokeErrorMessage(errno)}", errno);
        }

        return new PosixAppendFile(path, fd);
    }

    public override void Append(ReadOnlySpan<byte> bytes)
    {
        var fd = _fd;
        if (fd < 0)
        {
            throw new IOException($"{Path} is closed");
        }

        fixed (byte* start = bytes)
        {
            var done = 0;
            while (done < bytes.Length)
            {
                var written = NativeWrite(fd, start + done, (nuint)(bytes.Length - done));
                if (written > 0)
                {
                    done += (int)written;
                    continue;
                }

                // write(2) returning 0 for a regular file means no room, as ENOSPC does.
                var errno = written < 0 ? Marshal.GetLastPInvokeError() : Enospc;
                if (errno == Eintr)
                {
                    continue;
                }

                // A full disk often takes the first part of an entry (the room left in the file's
                // last block) before it refuses the rest.
                TakeBack(fd, done);
                throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
            }
        }
    }

    public override void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            _ = NativeClose(fd);
        }
    }

    /// <summary>
    /// Cuts off the <paramref name="written"/> bytes of an entry that could not be written whole.
    /// With O_APPEND every write lands at the end of the file and leaves this descriptor's offset
    /// just after it, so the entry began that many bytes before the offset (the file has one
    /// writer: one program's daily log). Nothing better can be done if this fails too.
    /// </summary>
    private static void TakeBack(int fd, int written)
    {
        if (written == 0)
        {
            return;
        }

        var end = NativeSeek(fd, 0, SeekCur);
        if (end < written)
        {
            return;
        }

        int status;
        do
        {
            status = NativeTruncate(fd, end - written);
        }
        while (status < 0 && Marshal.GetLastPInvokeError() == Eintr);
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeOpen(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint NativeWrite(int fd, byte* buffer, nuint count);

    // off_t is the size of a pointer on Linux (without the large-file variants), so nint matches it.
    [LibraryImport("libc", EntryPoint = "lseek", SetLastError = true)]
    private static partial nint NativeSeek(int fd, nint offset, int whence);

    [LibraryImport("libc", EntryPoint = "ftruncate", SetLastError = true)]
    private static partial int NativeTruncate(int fd, nint length);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int NativeClose(int fd);
}
