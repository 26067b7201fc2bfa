using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Earthworm.Kom;

/// <summary>
/// Opens a command file for reading only when it is a regular file (symbolic links followed) of
/// at most <see cref="KomFile.MaxFileBytes"/>. A FIFO named as a command file would block the open
/// until some writer came, and a device such as /dev/zero never ends, so either hung startup and
/// <c>--check</c>. On Linux the type is looked at before the open (so no device is ever opened),
/// the open itself cannot block (O_NONBLOCK), and type and size are read again from the opened
/// descriptor, so a file swapped between the look and the open cannot slip through.
/// </summary>
internal static unsafe partial class RegularFile
{
    // Linux values, the same on x86-64, ARM and AArch64.
    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;
    private const int Enosys = 38;

    // struct statx has one layout on every Linux architecture: stx_mode at byte 28, stx_size at 40.
    private const int StatxBytes = 256;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;

    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;

    /// <summary>
    /// The opened file, or null. <paramref name="refusal"/> then says why when the file exists but
    /// is not one statmgr reads ("not a regular file (FIFO)"), and is null when it simply cannot be
    /// opened (missing, no permission), where C's text says enough.
    /// </summary>
    public static SafeFileHandle? Open(string osPath, out string? refusal)
    {
        refusal = null;
        if (OperatingSystem.IsWindows())
        {
            return OpenManaged(osPath, out refusal);
        }

        var look = Inspect(AtFdCwd, osPath, 0, out refusal);
        if (look == Inspection.NotAvailable)
        {
            return OpenManaged(osPath, out refusal);
        }
        if (look != Inspection.Usable)
        {
            return null;
        }

        int fd;
        do
        {
            fd = PosixIo.Open(osPath, PosixIo.ORdonly | PosixIo.ONonblock | PosixIo.OCloexec, 0);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == PosixIo.Eintr);
        if (fd < 0)
        {
            return null;
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (Inspect(fd, "", AtEmptyPath, out refusal) != Inspection.Usable)
        {
            handle.Dispose();
            return null;
        }
        return handle;
    }

    /// <summary>
    /// Why <paramref name="osPath"/> is not a regular file (symbolic links followed), looked at
    /// without opening it and whatever its size (a program to run, say); null when it is one, or
    /// cannot be looked at (the caller's own open then says why).
    /// </summary>
    public static string? TypeRefusal(string osPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        Inspect(AtFdCwd, osPath, 0, out var refusal, checkSize: false);
        return refusal;
    }

    /// <summary>Why a file of this type and size is refused, or null when it is read.</summary>
    internal static string? Refusal(int mode, long size) =>
        KindRefusal(mode) ?? (size > KomFile.MaxFileBytes ? $"too large ({size} bytes; the limit is {KomFile.MaxFileBytes})" : null);

    private static string? KindRefusal(int mode)
    {
        int type = mode & TypeMask;
        return type != Regular ? $"not a regular file ({TypeName(type)})" : null;
    }

    private static Inspection Inspect(int directory, string path, int flags, out string? refusal, bool checkSize = true)
    {
        refusal = null;
        byte* buffer = stackalloc byte[StatxBytes];
        int result;
        do
        {
            result = NativeStatx(directory, path, flags, StatxType | StatxSize, buffer);
        }
        while (result < 0 && Marshal.GetLastPInvokeError() == PosixIo.Eintr);
        if (result < 0)
        {
            return Marshal.GetLastPInvokeError() == Enosys ? Inspection.NotAvailable : Inspection.Unreadable;
        }
        int mode = *(ushort*)(buffer + ModeOffset);
        refusal = checkSize ? Refusal(mode, (long)*(ulong*)(buffer + SizeOffset)) : KindRefusal(mode);
        return refusal is null ? Inspection.Usable : Inspection.Refused;
    }

    /// <summary>Where statx is missing (Windows, very old kernels): .NET's open, with what it can tell.</summary>
    private static SafeFileHandle? OpenManaged(string osPath, out string? refusal)
    {
        refusal = null;
        if (Directory.Exists(osPath))
        {
            refusal = $"not a regular file ({TypeName(0x4000)})";
            return null;
        }
        var handle = File.OpenHandle(osPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        long size = RandomAccess.GetLength(handle);
        if (size > KomFile.MaxFileBytes)
        {
            refusal = Refusal(Regular, size);
            handle.Dispose();
            return null;
        }
        return handle;
    }

    private static string TypeName(int type) => type switch
    {
        0x1000 => "FIFO",
        0x2000 => "character device",
        0x4000 => "directory",
        0x6000 => "block device",
        0xC000 => "socket",
        _ => "unknown type",
    };

    private enum Inspection
    {
        Usable,
        Refused,
        Unreadable,
        NotAvailable,
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeStatx(int directory, string path, int flags, uint mask, byte* buffer);
}
