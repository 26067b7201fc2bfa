namespace Statmgr.Earthworm.Logging;

/// <summary>
/// The portable fallback: a <see cref="FileStream"/> in append mode. .NET does not open it with
/// O_APPEND, so this is used only where <see cref="PosixAppendFile"/> is not available.
/// </summary>
internal sealed class StreamAppendFile : AppendFile
{
    private readonly FileStream _stream;

    private StreamAppendFile(string path, FileStream stream)
        : base(path)
    {
        _stream = stream;
    }

    public static new StreamAppendFile Open(string path)
    {
        var stream = new FileStream(
            path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        return new StreamAppendFile(path, stream);
    }

    public override void Append(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _stream.Seek(0, SeekOrigin.End);
            _stream.Write(bytes);
            _stream.Flush();
        }
        catch (IOException)
        {
            // A full or vanished disk loses this entry only; logging goes on.
        }
        catch (ObjectDisposedException)
        {
            // Written after close during shutdown: nothing to do.
        }
    }

    public override void Dispose() => _stream.Dispose();
}
