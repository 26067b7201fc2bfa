namespace Statmgr.Earthworm.Logging;

/// <summary>
/// A log file opened like C's <c>fopen(path, "a")</c>: created if absent, every write lands at the
/// current end of the file even when another process appends to it or truncates it (logrotate's
/// copytruncate). An entry is appended whole or not at all: a half entry left by a full disk would
/// be glued to the next one and make both unreadable, so a failed write takes back what it wrote.
/// </summary>
internal abstract class AppendFile : IDisposable
{
    protected AppendFile(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens or creates the file; throws <see cref="IOException"/> (or an access error) when it cannot.</summary>
    public static AppendFile Open(string path) =>
        OperatingSystem.IsLinux() ? PosixAppendFile.Open(path) : StreamAppendFile.Open(path);

    /// <summary>
    /// Appends all the bytes and hands them to the operating system (C's fflush), or none of them.
    /// </summary>
    /// <exception cref="IOException">The bytes were not written (disk full, file gone...); the
    /// message says why, in the system's words. Whatever part was written has been taken back.</exception>
    public abstract void Append(ReadOnlySpan<byte> bytes);

    public abstract void Dispose();
}
