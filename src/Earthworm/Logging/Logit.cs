using System.Globalization;
using System.Text;

namespace Statmgr.Earthworm.Logging;

/// <summary>
/// Earthworm's log writer (<c>logit_init</c> / <c>logit</c>, MT-safe variant). Entries go to
/// <c>$EW_LOG/&lt;program&gt;_YYYYMMDD.log</c>, optionally also to stdout/stderr, exactly as the C
/// library writes them: no newline is added, the line buffer has C's size limit, and the file rolls
/// over when an entry is written on a new UTC date. After startup nothing here throws, and nothing
/// waits: a disk error loses entries, never the process, and a console nobody reads loses its
/// copies. Losses are not silent: the first lost entry is reported on stderr, the count is kept
/// in <see cref="Losses"/> for the program to raise its own alarm, and once writing works again
/// one line in the log says how many entries were lost.
/// </summary>
internal sealed class Logit : ILogit, IDisposable
{
    private const string Dashes = "-------------------------------------------------------";

    // The file holds bytes; one character per byte keeps C's byte counts and passes any byte text
    // (ring messages, configuration files read as Latin-1) through unchanged.
    private static readonly Encoding FileEncoding = Encoding.Latin1;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly int _processId;
    private readonly LogConsole _stdout;
    private readonly LogConsole _stderr;
    private readonly Func<string, string?> _getEnvironmentVariable;

    private bool _initialized;
    private int _bufferSize;
    private bool _disk;
    private bool _echo = true;

    // C records the pid only once the disk log is set up, so "d" prints (0) when the first
    // logit_init turned disk logging off.
    private int _stampedPid;

    // "<program>_": set with the log directory, so it is empty in the too-large notice when the
    // first logit_init turned disk logging off.
    private string _template = string.Empty;
    private string _directory = string.Empty;
    private string _fileDate = string.Empty;
    private string _lastOpenedName = string.Empty;
    private AppendFile? _file;
    private bool _tooLargeReportedOnStderr;

    // Why the log file is not open (rollover could not open the new one), for the loss notices.
    private string _openError = string.Empty;

    // Entries that could not be written, in all and in the current spell of failures (0 once
    // writing works again), with the time and cause of the spell's first failure.
    private long _lostEntries;
    private int _lossSpells;
    private long _lostInSpell;
    private string _spellStart = string.Empty;
    private string _spellCause = string.Empty;

    /// <summary>A logit with consoles that are plain writers (tests; they are waited for).</summary>
    public Logit(
        TimeProvider time,
        int processId,
        TextWriter stdout,
        TextWriter stderr,
        Func<string, string?> getEnvironmentVariable)
        : this(time, processId, LogConsole.Over(stdout, LogConsole.StdoutName), LogConsole.Over(stderr, LogConsole.StderrName), getEnvironmentVariable)
    {
    }

    public Logit(
        TimeProvider time,
        int processId,
        LogConsole stdout,
        LogConsole stderr,
        Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        _time = time;
        _processId = processId;
        _stdout = stdout;
        _stderr = stderr;
        _getEnvironmentVariable = getEnvironmentVariable;
    }

    /// <summary>
    /// The logit of this process: real pid, EW_LOG from the environment, and the standard streams
    /// as consoles that never make it wait.
    /// </summary>
    public static Logit ForCurrentProcess(TimeProvider time) =>
        new(time, Environment.ProcessId, LogConsole.StandardOutput(), LogConsole.StandardError(), Environment.GetEnvironmentVariable);

    /// <summary>Opens the log file; a test puts a file that fails on demand here.</summary>
    internal Func<string, AppendFile> OpenFile { get; init; } = AppendFile.Open;

    /// <summary>Where the <c>o</c> flag copies entries.</summary>
    public LogConsole Stdout => _stdout;

    /// <summary>Where the <c>e</c> flag copies entries.</summary>
    public LogConsole Stderr => _stderr;

    /// <summary>Entries the log file has lost so far (a full disk): for the program's own alarm and status.</summary>
    public LogLosses Losses
    {
        get
        {
            lock (_gate)
            {
                return new LogLosses(_lostEntries, _lossSpells, _spellCause);
            }
        }
    }

    /// <summary>The name from the first <see cref="Init"/> call (empty before it).</summary>
    public string ProgramName { get; private set; } = string.Empty;

    /// <summary>C's <c>is_logit_initialized</c>.</summary>
    public bool IsInitialized
    {
        get
        {
            lock (_gate)
            {
                return _initialized;
            }
        }
    }

    /// <summary>Full path of the open log file; null when disk logging is off (or the file could not be reopened).</summary>
    public string? CurrentFilePath
    {
        get
        {
            lock (_gate)
            {
                return _file?.Path;
            }
        }
    }

    /// <summary>
    /// <c>logit_init(prog, mid, bufSize, logflag)</c>. The first call sets everything up: logFlag 0
    /// means console only, 2 means disk only, anything else both. Later calls only switch things
    /// off: 0 closes the disk log, 2 stops the console copies; bufferSize is then ignored.
    /// </summary>
    /// <exception cref="EarthwormExitException">Where C exits: EW_LOG unset (255), log file not opened (0).</exception>
    public void Init(string programPath, int bufferSize, int logFlag)
    {
        ArgumentNullException.ThrowIfNull(programPath);
        lock (_gate)
        {
            if (_initialized)
            {
                AdjustSwitches(logFlag);
                return;
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 2);
            ProgramName = LogProgramName.FromPath(programPath);
            _bufferSize = bufferSize;
            _initialized = true;
            if (logFlag == 0)
            {
                return;
            }

            if (logFlag == 2)
            {
                _echo = false;
            }

            OpenFirstFile();
            _disk = true;
            _stampedPid = _processId;
        }
    }

    /// <summary>
    /// <c>logit(flags, "%s", text)</c>. Flags: <c>t</c> time prefix, <c>d</c> pid prefix, <c>o</c> and
    /// <c>e</c> copies to stdout and stderr; anything else is ignored. Never throws.
    /// </summary>
    public void Write(string flags, string text)
    {
        flags ??= string.Empty;
        text ??= string.Empty;
        lock (_gate)
        {
            if (!_initialized)
            {
                _stderr.Write("WARNING: Call logit_init before logit.\n");
                return;
            }

            var toStdout = false;
            var toStderr = false;
            var stampTime = false;
            var stampPid = false;
            foreach (var flag in flags)
            {
                switch (flag)
                {
                    case 'o': toStdout = _echo; break;
                    case 'e': toStderr = _echo; break;
                    case 't': stampTime = true; break;
                    case 'd': stampPid = true; break;
                }
            }

            var now = _time.GetUtcNow();
            var date = LogFileName.DateStamp(now);
            if (_disk)
            {
                FollowDate(date);
            }

            var line = BuildLine(now, date, stampTime, stampPid, text);
            var kept = LogBufferLimit.Apply(line, _bufferSize, out var tooLarge);
            if (tooLarge)
            {
                ReportTooLarge(line.Length);
            }

            if (toStdout)
            {
                CopyToConsole(_stdout, kept, now, date);
            }

            if (toStderr)
            {
                CopyToConsole(_stderr, kept, now, date);
            }

            if (_disk)
            {
                AppendEntry(kept, now, date);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disk = false;
            CloseFile();
        }
    }

    private void AdjustSwitches(int logFlag)
    {
        if (logFlag == 0)
        {
            _disk = false;
            CloseFile();
        }
        else if (logFlag == 2)
        {
            _echo = false;
        }
    }

    private void OpenFirstFile()
    {
        var ewLog = _getEnvironmentVariable("EW_LOG");
        if (ewLog is null)
        {
            Exit(255, $"Environment variable EW_LOG not defined; {ProgramName} exiting.\n");
        }

        _directory = LogFileName.Directory(ewLog);
        _template = ProgramName + "_";
        var now = _time.GetUtcNow();
        _fileDate = LogFileName.DateStamp(now);
        var name = FileNameFor(_fileDate);
        var path = _directory + name;
        _file = TryOpen(path);
        if (_file is null)
        {
            Exit(0, $"{ProgramName}: Error opening log file <{path}>. Exiting\n");
        }

        _lastOpenedName = name;
        var utc = now.UtcDateTime;
        AppendToFile(string.Create(
            CultureInfo.InvariantCulture,
            $"\n{Dashes}\n{ProgramName}: startup at UTC_{_fileDate}_{utc.Hour:D2}:{utc.Minute:D2}:{utc.Second:D2}\nThis program is using the MT-Safe version of logit.\n{Dashes}\n"));
    }

    /// <summary>
    /// Daily rollover, checked at every entry with that entry's UTC date. Where C exits because the
    /// new file cannot be opened, the port says so once on stderr and tries again at each entry.
    /// </summary>
    private void FollowDate(string date)
    {
        if (date != _fileDate)
        {
            if (_file is not null)
            {
                AppendToFile($"UTC date changed; log output continues in file <{FileNameFor(date)}>\n");
                CloseFile();
            }

            _fileDate = date;
        }

        if (_file is not null)
        {
            return;
        }

        var name = FileNameFor(_fileDate);
        var path = _directory + name;
        _file = TryOpen(path);
        if (_file is null)
        {
            // The entry is lost when it is appended (see NoteLoss).
            return;
        }

        AppendToFile($"UTC date changed; log output continues from file <{_lastOpenedName}>\n");
        _lastOpenedName = name;
    }

    /// <summary>
    /// Appends an entry. The first entry after a spell of failures carries the line that counts
    /// what was lost, in the same write, so that line is never lost on its own.
    /// </summary>
    private void AppendEntry(string text, DateTimeOffset now, string date)
    {
        if (_lostInSpell > 0 && _file is not null)
        {
            var entries = _lostInSpell == 1 ? "entry" : "entries";
            var count = string.Create(
                CultureInfo.InvariantCulture,
                $"{TimeStamp(now, date)} {ProgramName}: log file writes failed from {_spellStart}; {_lostInSpell} {entries} lost ({_spellCause})\n");
            if (AppendToFile(count + text))
            {
                _lostInSpell = 0;
            }

            return;
        }

        AppendToFile(text);
    }

    private string BuildLine(DateTimeOffset now, string date, bool stampTime, bool stampPid, string text)
    {
        // C handles the text as a C string: it ends at the first NUL.
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            text = text[..nul];
        }

        if (!stampTime && !stampPid)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 32);
        if (stampTime)
        {
            builder.Append(TimeStamp(now, date)).Append(' ');
        }

        if (stampPid)
        {
            builder.Append(CultureInfo.InvariantCulture, $"({_stampedPid}) ");
        }

        return builder.Append(text).ToString();
    }

    private void ReportTooLarge(int lineLength)
    {
        var notice = LogBufferLimit.Notice(_template, _bufferSize, lineLength);
        if (_disk && _file is not null)
        {
            AppendToFile(notice);
        }
        else if (!_tooLargeReportedOnStderr)
        {
            // Without a log file C warns on stderr once per process, so stderr is not flooded.
            _stderr.Write(notice);
            _tooLargeReportedOnStderr = true;
        }
    }

    /// <summary>The <c>t</c> flag's time: <c>YYYYMMDD_UTC_hh:mm:ss</c>.</summary>
    private static string TimeStamp(DateTimeOffset now, string date)
    {
        var utc = now.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{date}_UTC_{utc.Hour:D2}:{utc.Minute:D2}:{utc.Second:D2}");
    }

    private string FileNameFor(string date) => _template + date + ".log";

    /// <summary>Appends text to the log file, whole or not at all; false (and counted) when it was lost.</summary>
    private bool AppendToFile(string text)
    {
        if (_file is null)
        {
            NoteLoss(_openError, $"{ProgramName}: Error opening log file <{_directory + FileNameFor(_fileDate)}>; log entries are lost until it can be opened.\n");
            return false;
        }

        try
        {
            _file.Append(FileEncoding.GetBytes(text));
            return true;
        }
        catch (IOException e)
        {
            NoteLoss(e.Message, $"{ProgramName}: Error writing log file <{_file.Path}>: {e.Message}; log entries are lost until it can be written.\n");
            return false;
        }
    }

    /// <summary>Counts a lost entry; the first of a spell is reported on stderr, once.</summary>
    private void NoteLoss(string cause, string notice)
    {
        _lostEntries++;
        if (_lostInSpell++ > 0)
        {
            return;
        }

        _lossSpells++;
        var now = _time.GetUtcNow();
        _spellStart = TimeStamp(now, LogFileName.DateStamp(now));
        _spellCause = cause;
        _stderr.Write(notice);
    }

    /// <summary>Copies an entry to a console, and logs when that console starts or stops dropping copies.</summary>
    private void CopyToConsole(LogConsole console, string text, DateTimeOffset now, string date)
    {
        var copied = console.Write(text);
        var turn = console.Observe(copied, out var dropped);
        if (!_disk || turn == ConsoleTurn.None)
        {
            return;
        }

        var stamp = TimeStamp(now, date);
        AppendToFile(turn == ConsoleTurn.StartedDropping
            ? $"{stamp} {ProgramName}: {console.Name} is not taking output; writes to it are dropped until it does\n"
            : string.Create(CultureInfo.InvariantCulture, $"{stamp} {ProgramName}: {console.Name} takes output again; {dropped} writes to it were dropped\n"));
    }

    private void CloseFile()
    {
        _file?.Dispose();
        _file = null;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Exit(int exitCode, string message)
    {
        _stderr.Write(message);
        throw new EarthwormExitException(exitCode, message.TrimEnd('\n'));
    }

    private AppendFile? TryOpen(string path)
    {
        try
        {
            return OpenFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            _openError = e.Message;
            return null;
        }
    }
}

/// <summary>
/// What a log has lost: entries in all, the spells of failures they were lost in (a spell ends
/// when an entry is written again), and the cause of the last spell in the system's words.
/// </summary>
internal readonly record struct LogLosses(long Entries, int Spells, string Cause);
