using System.Runtime.InteropServices;

namespace Statmgr.Earthworm.Logging;

/// <summary>
/// The Linux log file: open(2) with O_APPEND, exactly what C's <c>fopen(path, "a")</c> does, so
/// writes go to the end of the file as the kernel sees it, never to a remembered offset.
/// </summary>
internal sealed unsafe class PosixAppendFile : AppendFile
{
    // rw-rw-rw- before the umask, as fopen creates files.
    private const int CreateMode = 0x1B6;

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
            fd = PosixIo.Open(path, PosixIo.OWronly | PosixIo.OCreat | PosixIo.OAppend | PosixIo.OCloexec, CreateMode);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == PosixIo.Eintr);

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
                var written = PosixIo.Write(fd, start + done, (nuint)(bytes.Length - done));
                if (written > 0)
                {
                    done += (int)written;
                    continue;
                }

                // write(2) returning 0 for a regular file means no room, as ENOSPC does.
                var errno = written < 0 ? Marshal.GetLastPInvokeError() : PosixIo.Enospc;
                if (errno == PosixIo.Eintr)
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
            _ = PosixIo.Close(fd);
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

        var end = PosixIo.Seek(fd, 0, SeekCur);
        if (end < written)
        {
            return;
        }

        int status;
        do
        {
            status = PosixIo.Truncate(fd, end - written);
        }
        while (status < 0 && Marshal.GetLastPInvokeError() == PosixIo.Eintr);
    }
}
