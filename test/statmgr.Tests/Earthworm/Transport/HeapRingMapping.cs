using System.Runtime.InteropServices;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>
/// A ring region in this process's own zeroed memory, for layout arithmetic (e.g. Windows) on Linux.
/// Hand-written, not a substitute: the ring code reads and writes the real bytes behind it.
/// </summary>
internal sealed unsafe class HeapRingMapping : IRingMapping
{
    public HeapRingMapping(long size)
    {
        BaseAddress = (byte*)NativeMemory.AllocZeroed((nuint)size);
        MappedBytes = size;
    }

    public byte* BaseAddress { get; private set; }

    public long MappedBytes { get; }

    public bool IsStale => false;

    public Span<byte> Bytes => new(BaseAddress, (int)MappedBytes);

    public string Describe() => $"heap, {MappedBytes} bytes";

    public void Dispose()
    {
        if (BaseAddress != null)
        {
            NativeMemory.Free(BaseAddress);
            BaseAddress = null;
        }
    }
}
