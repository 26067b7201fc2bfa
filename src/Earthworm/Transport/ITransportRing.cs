namespace Statmgr.Earthworm.Transport;

/// <summary>One attached Earthworm ring. Disposing detaches it.</summary>
public interface ITransportRing : IDisposable
{
    string Name { get; }
    long Key { get; }
    PutStatus Put(Logo logo, ReadOnlySpan<byte> body);
    GetStatus GetMessage(ReadOnlySpan<Logo> wanted, Span<byte> buffer, out Logo logo, out int length);
    GetStatus CopyFrom(ReadOnlySpan<Logo> wanted, Span<byte> buffer, out Logo logo, out int length, out byte sequence);
    void Flush(ReadOnlySpan<Logo> wanted);
    int Flag { get; }
    void SetFlag(int value);
}
