using System.Security;

namespace Statmgr.Earthworm.Kom;

/// <summary>
/// One open command file, read the way kom's <c>fgets(buf, 2047, fp)</c> reads it: chunks of at
/// most 2046 bytes that end after a newline, so a longer physical line arrives in pieces.
/// </summary>
internal sealed class KomFile : IDisposable
{
    public const int ChunkLimit = 2046;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[8192];
    private readonly byte[] _chunk = new byte[ChunkLimit];
    private int _bufferStart;
    private int _bufferEnd;
    private bool _endOfFile;
    private int _nextLineNumber = 1;

    private KomFile(string path, Stream stream)
    {
        Path = path;
        _stream = stream;
    }

    /// <summary>The path as the caller gave it.</summary>
    public string Path { get; }

    /// <summary>Opens <paramref name="path"/> for reading; null where C's fopen would fail.</summary>
    public static KomFile? TryOpen(string path)
    {
        int nul = path.IndexOf('\0', StringComparison.Ordinal);
        string cPath = nul >= 0 ? path[..nul] : path;
        if (cPath.Length == 0)
        {
            return null;
        }

        string osPath = LatinText.ToOsString(cPath);
        try
        {
            // A directory opens in C but can never be read; refusing it keeps the reader sane.
            if (Directory.Exists(osPath))
            {
                return null;
            }

            var stream = new FileStream(osPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            return new KomFile(path, stream);
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

    public void Dispose() => _stream.Dispose();

    private bool Fill()
    {
        if (_endOfFile)
        {
            return false;
        }

        try
        {
            _bufferStart = 0;
            _bufferEnd = _stream.Read(_buffer, 0, _buffer.Length);
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
