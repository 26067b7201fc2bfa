using System.Runtime.InteropServices;

namespace Statmgr.Notify.Mail;

/// <summary>
/// Tells a regular file (after following symlinks) from a FIFO, a device or a socket before the
/// mail code opens it. Opening a FIFO waits until somebody writes to it, and a device such as
/// /dev/zero never ends, so a password file, CA file or mail program of that kind could stall a
/// delivery, <c>--check</c> or <c>--test-mail</c> for ever. The .NET file API cannot tell these
/// apart, so Linux statx(2) answers; its result layout is the same on every architecture.
/// </summary>
internal static unsafe partial class RegularFile
{
    /// <summary>The refusal text, for the callers' "cannot be read" and "cannot be run" lines.</summary>
    public const string Refusal = "is not a regular file";

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int StatxModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;

    /// <summary>
    /// True when <paramref name="path"/> names something other than a regular file. A path that
    /// cannot be examined (missing, no permission) is left to the caller's own open, which says why.
    /// </summary>
    public static bool IsSomethingElse(string path)
    {
        if (!OperatingSystem.IsLinux() || path.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }
        var buffer = stackalloc byte[StatxSize];
        try
        {
            if (NativeStatx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return false;
            }
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without statx (older than glibc 2.28): the open decides, as before.
            return false;
        }
        var mode = *(ushort*)(buffer + StatxModeOffset);
        return (mode & TypeMask) != RegularType;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeStatx(int directoryFd, string path, int flags, uint mask, byte* buffer);
}
