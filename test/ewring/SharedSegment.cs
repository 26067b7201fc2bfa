using System.Runtime.InteropServices;

namespace Statmgr.EwRing;

/// <summary>
/// A ring's System V segment mapped as raw bytes, outside the transport code, so that ewring can
/// damage it as a faulty process would.
/// </summary>
internal sealed unsafe partial class SharedSegment : IDisposable
{
    private nint _address;

    public SharedSegment(long key, int length)
    {
        var shmId = ShmGet(unchecked((int)key), 0, 0);
        if (shmId < 0)
        {
            throw new ToolException($"no segment with key {key} (errno {Marshal.GetLastPInvokeError()})");
        }
        _address = ShmAt(shmId, 0, 0);
        if (_address == -1)
        {
            throw new ToolException($"cannot attach segment {shmId} (errno {Marshal.GetLastPInvokeError()})");
        }
        Length = length;
    }

    public int Length { get; }

    public Span<byte> Bytes => new((void*)_address, Length);

    public void Dispose()
    {
        if (_address != 0)
        {
            _ = ShmDt(_address);
            _address = 0;
        }
    }

    [LibraryImport("libc", EntryPoint = "shmget", SetLastError = true)]
    private static partial int ShmGet(int key, nuint size, int flags);

    [LibraryImport("libc", EntryPoint = "shmat", SetLastError = true)]
    private static partial nint ShmAt(int shmId, nint address, int flags);

    [LibraryImport("libc", EntryPoint = "shmdt", SetLastError = true)]
    private static partial int ShmDt(nint address);
}
