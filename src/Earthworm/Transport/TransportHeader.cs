namespace Statmgr.Earthworm.Transport;

/// <summary>
/// TPORT_HEAD, the record header in front of every message body: start byte, body size, logo
/// (stored type, module, installation) and the writer's sequence number.
/// </summary>
internal readonly record struct TransportHeader(byte Start, long Size, Logo Logo, byte Sequence)
{
    /// <summary>Writes the header in <paramref name="layout"/>; the padding C leaves as stack garbage is written as zeros.</summary>
    public static void Encode(Span<byte> destination, RingLayout layout, Logo logo, long size, byte sequence)
    {
        var header = destination[..layout.TportHeadSize];
        header.Clear();
        header[0] = RingLayout.FirstByte;
        layout.WriteLong(header, layout.SizeOffset, size);
        header[layout.TypeOffset] = logo.Type;
        header[layout.ModuleOffset] = logo.Module;
        header[layout.InstallationOffset] = logo.Installation;
        header[layout.SequenceOffset] = sequence;
    }

    /// <summary>Reads a header in <paramref name="layout"/>, ignoring the padding bytes.</summary>
    public static TransportHeader Decode(ReadOnlySpan<byte> source, RingLayout layout) => new(
        source[0],
        layout.ReadLong(source, layout.SizeOffset),
        new Logo(source[layout.InstallationOffset], source[layout.ModuleOffset], source[layout.TypeOffset]),
        source[layout.SequenceOffset]);
}
