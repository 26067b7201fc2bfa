namespace Statmgr.Earthworm.Kom;

/// <summary>
/// The <c>earthworm_commonvars.d</c> table (<c>SetEnvVariable NAME VALUE</c>) that <c>${NAME}</c>
/// consults before the environment. Loaded once, on the first reference, through the reader's
/// own file stack; any error leaves the table empty for the rest of the process.
/// </summary>
internal sealed class CommonVariables
{
    public const string FileName = "earthworm_commonvars.d";

    private const int MaxEntries = 256;
    private const int MaxTextLength = 255;

    private readonly CommandFileReader _kom;
    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly Action<string> _diagnostics;
    private List<KeyValuePair<string, string>>? _entries;

    public CommonVariables(CommandFileReader kom, Func<string, string?> getEnvironmentVariable, Action<string> diagnostics)
    {
        _kom = kom;
        _getEnvironmentVariable = getEnvironmentVariable;
        _diagnostics = diagnostics;
    }

    public string? Find(string name)
    {
        _entries ??= Load() ?? [];
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key, name, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }

    private List<KeyValuePair<string, string>>? Load()
    {
        string? environmentValue = _getEnvironmentVariable("EW_PARAMS");
        string? paramDir = environmentValue is null ? null : LatinText.FromOsString(environmentValue);

        // C crashes here without EW_PARAMS; the port treats it as "no file".
        string fullPath = string.IsNullOrEmpty(paramDir) ? FileName : EwParamsPath.Join(paramDir, FileName);
        if (string.IsNullOrEmpty(paramDir) || !File.Exists(LatinText.ToOsString(fullPath)))
        {
            _diagnostics($"LoadTableEnvVariable(): warning {fullPath} file not found.\n");
            return null;
        }

        int depth = _kom.OpenKeepingFormat(fullPath);
        if (depth == 0)
        {
            _diagnostics($"LoadTableEnvVariable(): Error opening command file <{FileName}>{_kom.OpenFailureDetail}; exiting!\n");
            return null;
        }

        _diagnostics($"LoadTableEnvVariable(): nfiles {depth}\n");
        var table = new List<KeyValuePair<string, string>>();
        bool ok = ReadAll(table, fullPath);

        // C leaves the file open after an error; closing it keeps the caller's file current.
        _kom.Close();
        return ok ? table : null;
    }

    private bool ReadAll(List<KeyValuePair<string, string>> table, string fullPath)
    {
        while (_kom.ReadLineRaw() > 0)
        {
            string? command = _kom.NextToken();
            if (command is null || command.StartsWith('#'))
            {
                continue;
            }

            if (!_kom.Its("SetEnvVariable"))
            {
                _diagnostics($"LoadTableEnvVariable(): <{command}> Unknown command in <{fullPath}>.\n");
                continue;
            }

            if (!ReadSetting(table))
            {
                return false;
            }

            if (_kom.TakeError() != KomError.None)
            {
                _diagnostics($"LoadTableEnvVariable(): Bad command in <{fullPath}>; exiting!\n\t{_kom.Line}\n");
                return false;
            }
        }

        return true;
    }

    /// <summary>One SetEnvVariable line; false when the loader must stop.</summary>
    private bool ReadSetting(List<KeyValuePair<string, string>> table)
    {
        if (table.Count + 1 >= MaxEntries)
        {
            _diagnostics($"LoadTableEnvVariable(): Too many <SetEnvVariable> lines in <{FileName}>; max={MaxEntries}; exiting!\n");
            return false;
        }

        string? name = _kom.NextToken();
        string? value = _kom.NextToken();
        if (name is null)
        {
            _diagnostics($"LoadTableEnvVariable(): command EnvVariable NULL for name in <{FileName}>; max={MaxTextLength} chars; exiting!\n");
            return false;
        }

        if (!IsValidName(name))
        {
            _diagnostics($"LoadTableEnvVariable(): Invalid environment variable name <{name}> in <{FileName}> (names without spaces are valid); skipping!\n");
            return true;
        }

        if (value is null)
        {
            _diagnostics($"LoadTableEnvVariable(): command EnvVariable NULL for value of {name} in <{FileName}>; max={MaxTextLength} chars; exiting!\n");
            return false;
        }

        if (name.Length > MaxTextLength)
        {
            _diagnostics($"LoadTableEnvVariable(): environment variable name <{name}> too long in <{FileName}>; max={MaxTextLength} chars; exiting!\n");
            return false;
        }

        if (value.Length > MaxTextLength)
        {
            _diagnostics($"LoadTableEnvVariable(): environment variable value <{value}> too long in <{FileName}>; max={MaxTextLength} chars; exiting!\n");
            return false;
        }

        foreach (var existing in table)
        {
            if (string.Equals(existing.Key, name, StringComparison.Ordinal))
            {
                _diagnostics($"LoadTableEnvVariable(): duplication variable in <{FileName}>, new setting ignored\n");
                _diagnostics($"                   original: <EnvVariable {existing.Key}='{existing.Value}'>\n");
                _diagnostics($"                        new: <EnvVariable {name}='{value}'>\n");
                return true;
            }
        }

        table.Add(new KeyValuePair<string, string>(name, value));
        return true;
    }

    private static bool IsValidName(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
