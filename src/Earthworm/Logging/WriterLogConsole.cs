namespace Statmgr.Earthworm.Logging;

/// <summary>
/// A console that is a <see cref="TextWriter"/>: tests' string writers, and the standard streams
/// where <see cref="PosixLogConsole"/> is not available (there a console nobody reads can still
/// make a write wait). A writer that throws (a closed pipe) drops the copy.
/// </summary>
internal sealed class WriterLogConsole : LogConsole
{
    private readonly TextWriter _writer;

    public WriterLogConsole(TextWriter writer, string name)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    protected override bool TryWrite(string text)
    {
        try
        {
            _writer.Write(text);
            _writer.Flush();
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            return false;
        }
    }
}
