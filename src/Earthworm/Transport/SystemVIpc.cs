using System.Runtime.InteropServices;

namespace Statmgr.Earthworm.Transport;

/// <summary>
/// libc's System V shared memory and semaphore calls, with the x86-64 / AArch64 glibc constants
/// (the same on both). Keys are C's key_t (32-bit); a ring key is truncated to it as C does.
/// </summary>
internal static unsafe partial class SystemVIpc
{
    public const int IpcCreat = 0x200;      // 0o1000
    public const int IpcExcl = 0x400;       // 0o2000
    public const int IpcRmid = 0;
    public const int IpcStat = 2;
    public const int GetVal = 12;
    public const int SetVal = 16;
    public const short SemUndo = 0x1000;    // 0o10000
    public const short IpcNoWait = 0x800;   // 0o4000
    public const int ModeReadWriteAll = 0x1B6; // 0666, canonical Earthworm's mode

    public const int ENoEnt = 2;
    public const int EIntr = 4;
    public const int EAgain = 11;

    /// <summary>Offset of shm_segsz in the 64-bit glibc struct shmid_ds, and a buffer large enough for the struct.</summary>
    public const int ShmSegSzOffset = 48;
    public const int ShmIdDsBufferSize = 256;

    private const string Libc = "libc";

    [StructLayout(LayoutKind.Sequential)]
    public struct SemBuf
    {
        public ushort SemNum;
        public short SemOp;
        public short SemFlg;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct TimeSpec
    {
        public nint Seconds;
        public nint Nanoseconds;
    }

    [LibraryImport(Libc, EntryPoint = "shmget", SetLastError = true)]
    public static partial int ShmGet(int key, nuint size, int flags);

    [LibraryImport(Libc, EntryPoint = "shmat", SetLastError = true)]
    public static partial nint ShmAt(int shmId, nint address, int flags);

    [LibraryImport(Libc, EntryPoint = "shmdt", SetLastError = true)]
    public static partial int ShmDt(nint address);

    [LibraryImport(Libc, EntryPoint = "shmctl", SetLastError = true)]
    public static partial int ShmCtl(int shmId, int command, byte* buffer);

    [LibraryImport(Libc, EntryPoint = "semget", SetLastError = true)]
    public static partial int SemGet(int key, int count, int flags);

    [LibraryImport(Libc, EntryPoint = "semtimedop", SetLastError = true)]
    public static partial int SemTimedOp(int semId, SemBuf* operations, nuint count, TimeSpec* timeout);

    // semctl is variadic; its optional fourth argument travels like a plain one on the x86-64 and
    // AArch64 Linux ABIs (canonical Earthworm calls it the same way).
    [LibraryImport(Libc, EntryPoint = "semctl", SetLastError = true)]
    public static partial int SemCtl(int semId, int semNum, int command, nint argument);

    /// <summary>The key_t C passes for a ring key (truncated to 32 bits).</summary>
    public static int ToKeyT(long ringKey) => unchecked((int)ringKey);

    public static int LastErrno => Marshal.GetLastPInvokeError();

    /// <summary>"errno N; text", the way Earthworm prints a failed system call.</summary>
    public static string DescribeErrno(int errno) => $"{errno}; {Marshal.GetPInvokeErrorMessage(errno)}";

    /// <summary>The segment's size from IPC_STAT, or -1 with errno.</summary>
    public static long SegmentSize(int shmId)
    {
        var buffer = stackalloc byte[ShmIdDsBufferSize];
        new Span<byte>(buffer, ShmIdDsBufferSize).Clear();
        if (ShmCtl(shmId, IpcStat, buffer) != 0)
        {
            return -1;
        }
        return (long)*(nuint*)(buffer + ShmSegSzOffset);
    }
}
