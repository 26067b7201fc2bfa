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
        long end;
        try
        {
            end = _stream.Seek(0, SeekOrigin.End);
        }
        catch (ObjectDisposedException e)
        {
            throw new IOException($"{Path} is closed", e);
        }

        try
        {
            _stream.Write(bytes);
            _stream.Flush();
        }
        catch (IOException)
        {
            TakeBack(end);
            throw;
        }
    }

    /// <summary>Cuts the file back to where the entry began, so no part of it stays.</summary>
    private void TakeBack(long end)
    {
        try
        {
            _stream.SetLength(end);
        }
        catch (IOException)
        {
            // Nothing better can be done.
        }
    }

    public override void Dispose() => _stream.Dispose();
}
