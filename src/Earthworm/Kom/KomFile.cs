using System.Buffers;
using System.Security;
using Microsoft.Win32.SafeHandles;

namespace Statmgr.Earthworm.Kom;

/// <summary>
/// One open command file, read the way kom's <c>fgets(buf, 2047, fp)</c> reads it: chunks of at
/// most 2046 bytes that end after a newline, so a longer physical line arrives in pieces.
/// Only a regular file of at most <see cref="MaxFileBytes"/> is opened (see <see cref="RegularFile"/>).
/// </summary>
internal sealed class KomFile : IDisposable
{
    public const int ChunkLimit = 2046;

    /// <summary>
    /// The largest command file read (1 MiB). Earthworm's largest, earthworm_global.d, is some
    /// 30 kB; the limit only stops a runaway or hostile file from holding startup for ever.
    /// </summary>
    public const long MaxFileBytes = 1 << 20;

    private const int BufferBytes = 8192;

    private readonly SafeFileHandle _handle;

    // Rented, not made per file: a start that reads hundreds of descriptors would otherwise leave
    // megabytes of dead buffers behind, and the memory they took stays resident for the life of
    // the process.
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
    private readonly byte[] _chunk = ArrayPool<byte>.Shared.Rent(ChunkLimit);
    private bool _disposed;
    private long _offset;
    private int _bufferStart;
    private int _bufferEnd;
    private bool _endOfFile;
    private int _nextLineNumber = 1;

    private KomFile(string path, SafeFileHandle handle)
    {
        Path = path;
        _handle = handle;
    }

    /// <summary>The path as the caller gave it.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens <paramref name="path"/> for reading; null where C's fopen would fail, and also for
    /// anything but a regular file within the size limit, which <paramref name="refusal"/> then names.
    /// </summary>
    public static KomFile? TryOpen(string path, out string? refusal)
    {
        refusal = null;
        int nul = path.IndexOf('\0', StringComparison.Ordinal);
        string cPath = nul >= 0 ? path[..nul] : path;
        if (cPath.Length == 0)
        {
            return null;
        }

        try
        {
            var handle = RegularFile.Open(LatinText.ToOsString(cPath), out refusal);
            return handle is null ? null : new KomFile(path, handle);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or SecurityException)
        {
            return null;
        }
    }

    /// <summary>
    /// The next chunk, up to the first NUL byte (C string semantics), or null at end of file.
    /// <paramref name="lineNumber"/> is the 1-based physical line the chunk belongs to.
    /// </summary>
    public string? ReadChunk(out int lineNumber)
    {
        lineNumber = _nextLineNumber;
        int length = 0;
        bool newline = false;
        while (length < ChunkLimit && !newline)
        {
            if (_bufferStart == _bufferEnd && !Fill())
            {
                break;
            }

            byte b = _buffer[_bufferStart++];
            _chunk[length++] = b;
            newline = b == (byte)'\n';
        }

        if (length == 0)
        {
            return null;
        }

        if (newline)
        {
            _nextLineNumber++;
        }

        int nul = Array.IndexOf(_chunk, (byte)0, 0, length);
        return LatinText.FromBytes(_chunk.AsSpan(0, nul >= 0 ? nul : length));
    }

    public void Dispose()
    {
        _handle.Dispose();
        if (!_disposed)
        {
            _disposed = true;
            ArrayPool<byte>.Shared.Return(_buffer);
            ArrayPool<byte>.Shared.Return(_chunk);
        }
    }

    private bool Fill()
    {
        if (_endOfFile)
        {
            return false;
        }

        try
        {
            // A file that grew past the limit after it was opened is read up to the limit only.
            _bufferStart = 0;
            int wanted = (int)Math.Min(BufferBytes, MaxFileBytes - _offset);
            _bufferEnd = wanted <= 0 ? 0 : RandomAccess.Read(_handle, _buffer.AsSpan(0, wanted), _offset);
            _offset += _bufferEnd;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // A read error ends the file, where C's fgets loop would misbehave.
            _bufferEnd = 0;
        }

        _endOfFile = _bufferEnd == 0;
        return !_endOfFile;
    }
}
