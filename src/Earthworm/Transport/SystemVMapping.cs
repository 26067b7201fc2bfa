namespace Statmgr.Earthworm.Transport;

/// <summary>One shmat of a ring segment; disposing it is shmdt.</summary>
internal sealed unsafe class SystemVMapping : IRingMapping
{
    private readonly int _keyT;
    private nint _address;

    public SystemVMapping(int keyT, int shmId, int semId, nint address, long segmentSize)
    {
        _keyT = keyT;
        ShmId = shmId;
        SemId = semId;
        _address = address;
        MappedBytes = segmentSize;
    }

    public int ShmId { get; }

    public int SemId { get; }

    public byte* BaseAddress => (byte*)_address;

    public long MappedBytes { get; }

    /// <summary>A removed segment's key is free again, so the key now gives no id or another one.</summary>
    public bool IsStale => SystemVIpc.ShmGet(_keyT, 0, 0) != ShmId;

    public string Describe() => $"shmid {ShmId}, semid {SemId}, {MappedBytes} bytes";

    public void Dispose()
    {
        if (_address != 0)
        {
            _ = SystemVIpc.ShmDt(_address);
            _address = 0;
        }
    }
}
