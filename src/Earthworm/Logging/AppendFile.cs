namespace Statmgr.Earthworm.Logging;

/// <summary>
/// A log file opened like C's <c>fopen(path, "a")</c>: created if absent, every write lands at the
/// current end of the file even when another process appends to it or truncates it (logrotate's
/// copytruncate). Write errors are swallowed, as C's unchecked <c>fprintf</c> does: a full disk
/// must not stop the monitor.
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

    /// <summary>Appends the bytes and hands them to the operating system (C's fflush).</summary>
    public abstract void Append(ReadOnlySpan<byte> bytes);

    public abstract void Dispose();
}
