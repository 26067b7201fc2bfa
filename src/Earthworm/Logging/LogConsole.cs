using System.Text;

namespace Statmgr.Earthworm.Logging;

/// <summary>
/// A console logit copies entries to: standard output or standard error. Nobody may be reading
/// it (a pipe whose reader hangs), and a program that waits for its console stops doing its
/// job, so a copy the console cannot take at once is dropped and counted, never waited for.
/// The log file stays the record.
/// </summary>
internal abstract class LogConsole
{
    /// <summary>The names the log gives the two consoles.</summary>
    public const string StdoutName = "stdout";
    public const string StderrName = "stderr";

    private long _dropped;
    private TextWriter? _writer;

    // What logit has said about drops so far (see Observe): drops up to this count are reported.
    private long _countedUpTo;
    private bool _dropping;

    protected LogConsole(string name)
    {
        Name = name;
    }

    /// <summary><see cref="StdoutName"/> or <see cref="StderrName"/>.</summary>
    public string Name { get; }

    /// <summary>Writes dropped since the program started (logit's copies and <see cref="Writer"/>'s).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>
    /// This console for code that prints to it directly rather than through logit: the same
    /// rule, its drops counted here too.
    /// </summary>
    public TextWriter Writer => _writer ??= new DroppingWriter(this);

    /// <summary>The process's standard output, written one byte per character as C's printf does.</summary>
    public static LogConsole StandardOutput() =>
        OperatingSystem.IsLinux() ? new PosixLogConsole(1, StdoutName) : Over(Console.OpenStandardOutput(), StdoutName);

    /// <summary>The process's standard error, written one byte per character.</summary>
    public static LogConsole StandardError() =>
        OperatingSystem.IsLinux() ? new PosixLogConsole(2, StderrName) : Over(Console.OpenStandardError(), StderrName);

    /// <summary>A console that is a <see cref="TextWriter"/>: it is waited for, but one that throws drops the copy.</summary>
    public static LogConsole Over(TextWriter writer, string name) => new WriterLogConsole(writer, name);

    /// <summary>Writes <paramref name="text"/> whole, or drops it when the console cannot take it now. Never throws.</summary>
    public bool Write(string text)
    {
        if (TryWrite(text))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>
    /// Called by logit after each copy it wrote here (<paramref name="copied"/>: whether it got
    /// through), to log the turns: the first copy dropped, and the first that gets through after
    /// it, with the number dropped in between (by <see cref="Writer"/> too).
    /// </summary>
    public ConsoleTurn Observe(bool copied, out long droppedInSpell)
    {
        droppedInSpell = 0;
        if (!copied)
        {
            var started = !_dropping;
            _dropping = true;
            return started ? ConsoleTurn.StartedDropping : ConsoleTurn.None;
        }

        var dropped = Dropped;
        droppedInSpell = dropped - _countedUpTo;
        _countedUpTo = dropped;
        var wasDropping = _dropping;
        _dropping = false;
        return wasDropping || droppedInSpell > 0 ? ConsoleTurn.Recovered : ConsoleTurn.None;
    }

    /// <summary>Writes the text whole and at once, or not at all (false).</summary>
    protected abstract bool TryWrite(string text);

    private static WriterLogConsole Over(Stream stream, string name) =>
        new(new StreamWriter(stream, Encoding.Latin1) { AutoFlush = true }, name);

    /// <summary>A <see cref="LogConsole"/> seen as a <see cref="TextWriter"/>.</summary>
    private sealed class DroppingWriter(LogConsole console) : TextWriter
    {
        public override Encoding Encoding => Encoding.Latin1;

        public override void Write(char value) => console.Write(value.ToString());

        public override void Write(string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                console.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));
    }
}

/// <summary>What changed on a console since logit last looked.</summary>
internal enum ConsoleTurn
{
    None,

    /// <summary>A copy was dropped, the first since copies last got through.</summary>
    StartedDropping,

    /// <summary>A copy got through after some were dropped.</summary>
    Recovered,
}
