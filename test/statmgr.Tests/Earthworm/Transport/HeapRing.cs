using Statmgr.Earthworm.Transport;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>A freshly created ring in process memory, as tport_create would leave it, with its mapping and lock exposed.</summary>
internal sealed unsafe class HeapRing : IDisposable
{
    public HeapRing(long nbytes, RingLayout layout, string name = "HEAP_RING", long key = 4242)
    {
        Mapping = new HeapRingMapping(nbytes);
        RingRegion.InitializeHeader(Mapping.BaseAddress, nbytes, layout);
        Lock = new ScriptedRingLock();
        Ring = new TransportRing(name, key, Mapping, new RingRegion(Mapping.BaseAddress, nbytes, layout), Lock);
    }

    public HeapRingMapping Mapping { get; }

    public ScriptedRingLock Lock { get; }

    public TransportRing Ring { get; }

    public Span<byte> Bytes => Mapping.Bytes;

    /// <summary>A second attachment of the same memory (its own tables), as another process would have.</summary>
    public TransportRing Attach() =>
        new("HEAP_RING", Ring.Key, new BorrowedMapping(Mapping), new RingRegion(Mapping.BaseAddress, Mapping.MappedBytes, Ring.Layout), Lock);

    public void Dispose() => Ring.Dispose();

    private sealed class BorrowedMapping(HeapRingMapping owner) : IRingMapping
    {
        public byte* BaseAddress => owner.BaseAddress;

        public long MappedBytes => owner.MappedBytes;

        public bool IsStale => false;

        public string Describe() => owner.Describe();

        public void Dispose()
        {
        }
    }
}
