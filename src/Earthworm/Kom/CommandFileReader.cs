namespace Statmgr.Earthworm.Kom;

/// <summary>
/// Earthworm's kom command-file reader. C keeps this state process-wide; here it is one object that
/// a program shares between every reader of its configuration (module config, descriptors, getutil
/// tables, earthworm_commonvars.d), because they all compete for the same 5 open-file slots.
/// Texts are byte strings: every file byte is one char (ISO-8859-1). Not thread safe, like kom.
/// </summary>
internal sealed class CommandFileReader : IDisposable
{
    /// <summary>The current file plus 4 suspended ones.</summary>
    public const int MaxOpenFiles = 5;

    /// <summary>
    /// C's warning for a line that names a variable neither earthworm_commonvars.d nor the
    /// environment defines; the line, left unexpanded, follows on its own line.
    /// </summary>
    public const string SkippedExpansionWarning =
        "warning: skipping variable expansion for the following line (env var match not found):\n";

    private const int MaxSuspended = MaxOpenFiles - 1;
    private const int MaxDiagnosticLength = 4095;
    private const int MaxPutLength = KomRecord.BufferSize - 1;

    private readonly Stack<KomRecord> _suspended = new();
    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly Action<string> _diagnostics;
    private readonly CommonVariables _commonVariables;
    private KomRecord _current = KomRecord.CreateInitial();

    // kom's ini-mode delimiter: '\0' normal mode, '=' before the first token, ',' after it.
    // Process-wide in C, so it is not saved with a suspended file.
    private char _iniDelimiter;

    /// <param name="getEnvironmentVariable">Process environment lookup (null when unset).</param>
    /// <param name="diagnostics">
    /// kom's own messages, each a complete C message text; C routes them through
    /// <c>logit("et", ...)</c>. Without it they go raw to standard error, as before C's logit_init.
    /// </param>
    public CommandFileReader(Func<string, string?> getEnvironmentVariable, Action<string>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        _getEnvironmentVariable = getEnvironmentVariable;
        Action<string> sink = diagnostics ?? (text => Console.Error.Write(text));
        _diagnostics = text => sink(text.Length > MaxDiagnosticLength ? text[..MaxDiagnosticLength] : text);
        _commonVariables = new CommonVariables(this, getEnvironmentVariable, _diagnostics);
    }

    /// <summary>k_com: the normalised current line (not changed by tokenising).</summary>
    public string Line => _current.Saved;

    /// <summary>k_get: the working buffer up to its first terminator (the first token once one was taken).</summary>
    public string WorkingBuffer => _current.CStringAt(0);

    /// <summary>Path (as opened) of the current file; null when none is open.</summary>
    public string? CurrentFile => _current.File?.Path;

    /// <summary>
    /// 1-based physical line number of the current line in <see cref="CurrentFile"/> (the chunks of
    /// one long line share it); 0 when no file is open or nothing was read from it yet.
    /// </summary>
    public int CurrentLineNumber => _current.File is null ? 0 : _current.LineNumber;

    /// <summary>
    /// Why the last failed open refused its file, which exists but is no regular file within
    /// <see cref="KomFile.MaxFileBytes"/> ("not a regular file (FIFO)"); null when the last open
    /// worked or failed as C's fopen would (missing file, no permission, five files open).
    /// </summary>
    public string? OpenRefusal { get; private set; }

    /// <summary>
    /// <see cref="OpenRefusal"/> as it follows the file name in C's "Error opening ... &lt;path&gt;"
    /// texts (": not a regular file (FIFO)"); empty when C's text says all.
    /// </summary>
    public string OpenFailureDetail => OpenRefusal is null ? "" : ": " + OpenRefusal;

    public int OpenFileCount => _suspended.Count + (_current.File is null ? 0 : 1);

    /// <summary>
    /// k_open: opens <paramref name="path"/> as given (relative to the process working directory),
    /// suspending the current file. Returns the number of open files, or 0 when 5 are already open
    /// or the file cannot be opened; on failure nothing changes (C would leave the parent suspended
    /// with no current file, which only an aborting caller survives).
    /// </summary>
    public int Open(string path)
    {
        _iniDelimiter = '\0';
        return OpenKeepingFormat(path);
    }

    /// <summary>k_open_format: <paramref name="earthwormFormat"/> false reads the file in ini mode.</summary>
    public int Open(string path, bool earthwormFormat)
    {
        _iniDelimiter = earthwormFormat ? '\0' : '=';
        return OpenKeepingFormat(path);
    }

    /// <summary>k_treat_as_ini: ini mode from now on, if a file is open.</summary>
    public void TreatAsIni()
    {
        if (_current.File is not null)
        {
            _iniDelimiter = '=';
        }
    }

    /// <summary>k_treat_as_ew: normal mode from now on, if a file is open.</summary>
    public void TreatAsEarthworm()
    {
        if (_current.File is not null)
        {
            _iniDelimiter = '\0';
        }
    }

    /// <summary>k_close: closes the current file and resumes the suspended parent exactly as it was.</summary>
    /// <returns>The number of files still open.</returns>
    public int Close()
    {
        _current.File?.Dispose();
        _current.File = null;
        if (_suspended.Count == 0)
        {
            return 0;
        }

        _current = _suspended.Pop();
        return _suspended.Count + 1;
    }

    /// <summary>
    /// k_rd: the next line chunk with <c>${NAME}</c> expanded (earthworm_commonvars.d first, then the
    /// environment), normalised. Returns its length (1 for a blank line), 0 at end of file or when no
    /// file is open.
    /// </summary>
    public int ReadLine()
    {
        if (_iniDelimiter != '\0')
        {
            _iniDelimiter = '=';
        }

        return Read(expand: true);
    }

    /// <summary>k_rd_raw(0): as <see cref="ReadLine"/> without expansion.</summary>
    public int ReadLineRaw() => Read(expand: false);

    /// <summary>k_put: makes <paramref name="text"/> the current line (no expansion; cut at 2047 chars).</summary>
    public int Put(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SetLine(text);
    }

    /// <summary>k_str: the next token, or null (error -17) when none is left or a quote/bracket is unterminated.</summary>
    public string? NextToken()
    {
        KomRecord line = _current;
        char[] buffer = line.Buffer;
        int state = 1;
        for (int i = line.ScanPosition; i < line.Length; i++)
        {
            char c = buffer[i];
            switch (state)
            {
                case 1:
                    if (c == ' ' || c == '\t')
                    {
                        break;
                    }

                    if (c == '"')
                    {
                        state = 3;
                        line.TokenStart = i + 1;
                    }
                    else if (c == '[')
                    {
                        state = 4;
                        line.TokenStart = i;
                    }
                    else
                    {
                        state = 2;
                        line.TokenStart = i;
                    }

                    break;
                case 2:
                    if (_iniDelimiter != '\0')
                    {
                        if (c == _iniDelimiter)
                        {
                            return EndIniToken(line, i);
                        }
                    }
                    else if (c == ' ' || c == '\t')
                    {
                        return EndToken(line, i);
                    }

                    break;
                case 3:
                    if (c == '"')
                    {
                        return EndToken(line, i);
                    }

                    break;
                default:
                    if (c == ']')
                    {
                        return EndToken(line, i);
                    }

                    break;
            }
        }

        if (state == 2)
        {
            buffer[line.Length] = '\0';
            line.ScanPosition = line.Length;
            return line.CStringAt(line.TokenStart);
        }

        line.Error = KomError.NoToken;
        return null;
    }

    /// <summary>k_int: atoi of the next token; errors -1 (none left) and -2 (0 not written as 0...).</summary>
    public int NextInt()
    {
        string? token = NextToken();
        if (token is null)
        {
            _current.Error = KomError.NoNumber;
            return 0;
        }

        // glibc's atoi is strtol cut to the low 32 bits.
        int value = unchecked((int)CNumberText.ParseLong(token));
        return CheckZero(token, value) ? value : 0;
    }

    /// <summary>k_long: atol of the next token, with k_int's error rules.</summary>
    public long NextLong()
    {
        string? token = NextToken();
        if (token is null)
        {
            _current.Error = KomError.NoNumber;
            return 0;
        }

        long value = CNumberText.ParseLong(token);
        return CheckZero(token, value) ? value : 0;
    }

    /// <summary>k_val: atof (strtod) of the next token; -1 when none is left, never -2.</summary>
    public double NextDouble()
    {
        string? token = NextToken();
        if (token is null)
        {
            _current.Error = KomError.NoNumber;
            return 0.0;
        }

        return CNumberText.ParseDouble(token);
    }

    /// <summary>
    /// k_its: exact, case-sensitive comparison of <paramref name="word"/> with the last returned token
    /// (with the line from column 0 before any token). Consumes nothing.
    /// </summary>
    public bool Its(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        int nul = word.IndexOf('\0', StringComparison.Ordinal);
        ReadOnlySpan<char> cWord = nul >= 0 ? word.AsSpan(0, nul) : word;
        return cWord.SequenceEqual(_current.CSpanAt(_current.TokenStart));
    }

    /// <summary>k_err: the sticky error code, which is then cleared.</summary>
    public int TakeError()
    {
        int error = _current.Error;
        _current.Error = KomError.None;
        return error;
    }

    /// <summary>Closes every open file.</summary>
    public void Dispose()
    {
        while (OpenFileCount > 0)
        {
            Close();
        }
    }

    /// <summary>k_open_base: open without touching the ini/normal mode (the commonvars loader uses it).</summary>
    internal int OpenKeepingFormat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        OpenRefusal = null;
        if (_current.File is not null && _suspended.Count >= MaxSuspended)
        {
            return 0;
        }

        KomFile? file = KomFile.TryOpen(path, out string? refusal);
        OpenRefusal = refusal;
        if (file is null)
        {
            return 0;
        }

        if (_current.File is not null)
        {
            _suspended.Push(_current);
            _current = _current.CopyLineState();
        }

        _current.File = file;
        _current.LineNumber = 0;
        return _suspended.Count + 1;
    }

    private int Read(bool expand)
    {
        KomFile? file = _current.File;
        if (file is null)
        {
            return 0;
        }

        string? raw = file.ReadChunk(out int lineNumber);
        if (raw is null)
        {
            return 0;
        }

        _current.LineNumber = lineNumber;
        if (!expand)
        {
            return SetLine(raw);
        }

        // Resolving may load earthworm_commonvars.d through the file stack; the current record is
        // suspended and restored around it, and the raw chunk is held here meanwhile.
        if (VariableExpander.TryExpand(raw, ResolveVariable, out string expanded))
        {
            return SetLine(expanded);
        }

        _diagnostics(SkippedExpansionWarning + raw);
        return SetLine(raw);
    }

    private string? ResolveVariable(string name)
    {
        string? fromFile = _commonVariables.Find(name);
        if (fromFile is not null)
        {
            return fromFile;
        }

        string? fromEnvironment = LookUpEnvironment(name);
        return fromEnvironment is null ? null : LatinText.FromOsString(fromEnvironment);
    }

    private string? LookUpEnvironment(string name)
    {
        // getenv never matches an empty name or one with '='; .NET may reject such names.
        if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return _getEnvironmentVariable(LatinText.ToOsString(name));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>k_put's normalisation into the current record.</summary>
    private int SetLine(string text)
    {
        KomRecord line = _current;
        char[] buffer = line.Buffer;
        int nul = text.IndexOf('\0', StringComparison.Ordinal);
        int length = Math.Min(nul >= 0 ? nul : text.Length, MaxPutLength);
        text.CopyTo(0, buffer, 0, length);
        while (length > 0 && (buffer[length - 1] == '\r' || buffer[length - 1] == '\n'))
        {
            length--;
        }

        if (length == 0)
        {
            buffer[0] = ' ';
            length = 1;
        }

        int end = 1;
        for (int i = 0; i < length; i++)
        {
            if (buffer[i] == '\t')
            {
                buffer[i] = ' ';
            }

            if (buffer[i] != ' ')
            {
                end = i + 1;
            }
        }

        buffer[end] = '\0';
        line.Length = end;
        line.TokenStart = 0;
        line.ScanPosition = 0;
        line.Error = KomError.None;
        line.Saved = new string(buffer, 0, end);
        return end;
    }

    private bool CheckZero(string token, long value)
    {
        if (value == 0 && (token.Length == 0 || token[0] != '0'))
        {
            _current.Error = KomError.BadNumber;
            return false;
        }

        return true;
    }

    private static string EndToken(KomRecord line, int terminator)
    {
        line.Buffer[terminator] = '\0';
        line.ScanPosition = terminator + 1;
        return line.CStringAt(line.TokenStart);
    }

    // Ini mode: the token ends at the delimiter, minus the blanks before it; later tokens end at ','.
    private string EndIniToken(KomRecord line, int delimiter)
    {
        int j = delimiter - 1;
        while (j > 0 && (line.Buffer[j] == ' ' || line.Buffer[j] == '\t'))
        {
            j--;
        }

        line.Buffer[j + 1] = '\0';
        line.ScanPosition = delimiter + 1;
        _iniDelimiter = ',';
        return line.CStringAt(line.TokenStart);
    }
}
