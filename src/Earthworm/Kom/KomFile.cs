using System.Security;

namespace Statmgr.Earthworm.Kom;

/// <summary>
/// One open command file, read the way kom's <c>fgets(buf, 2047, fp)</c> reads it: chunks of at
/// most 2046 bytes that end after a newline, so a longer physical line arrives in pieces.
/// </summary>
internal sealed class KomFile : IDisposable
{
    public const int ChunkLimit = 2046;

    private readonly Stream stream;
    private readonly byte[] buffer = new byte[8192];
    private readonly byte[] chunk = new byte[ChunkLimit];
    private int bufferStart;
    private int bufferEnd;
    private bool endOfFile;
    private int nextLineNumber = 1;

    private KomFile(string path, Stream stream)
    {
        Path = path;
        this.stream = stream;
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
        lineNumber = nextLineNumber;
        int length = 0;
        bool newline = false;
        while (length < ChunkLimit && !newline)
        {
            if (bufferStart == bufferEnd && !Fill())
            {
                break;
            }

            byte b = buffer[bufferStart++];
            chunk[length++] = b;
            newline = b == (byte)'\n';
        }

        if (length == 0)
        {
            return null;
        }

        if (newline)
        {
            nextLineNumber++;
        }

        int nul = Array.IndexOf(chunk, (byte)0, 0, length);
        return LatinText.FromBytes(chunk.AsSpan(0, nul >= 0 ? nul : length));
    }

    public void Dispose() => stream.Dispose();

    private bool Fill()
    {
        if (endOfFile)
        {
            return false;
        }

        try
        {
            bufferStart = 0;
            bufferEnd = stream.Read(buffer, 0, buffer.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // A read error ends the file, where C's fgets loop would misbehave.
            bufferEnd = 0;
        }

        endOfFile = bufferEnd == 0;
        return !endOfFile;
    }
}
