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

    private const int Eintr = 4;

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
            return;
        }

        fixed (byte* start = bytes)
        {
            var done = 0;
            while (done < bytes.Length)
            {
                var written = NativeWrite(fd, start + done, (nuint)(bytes.Length - done));
                if (written < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Eintr)
                    {
                        continue;
                    }

                    // A full or vanished disk loses this entry only; logging goes on (C ignores it too).
                    return;
                }

                if (written == 0)
                {
                    return;
                }

                done += (int)written;
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

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeOpen(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint NativeWrite(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int NativeClose(int fd);
}
