using Statmgr.Earthworm.Kom;

namespace Statmgr.Earthworm.Tables;

/// <summary>
/// getutil's <c>GetUtil_LoadTable</c>: reads earthworm_global.d then earthworm.d from EW_PARAMS
/// with the usual command-file conventions and no <c>${}</c> expansion, into the four tables.
/// Fatal problems are reported with C's text and end the process (exit status 255).
/// </summary>
internal sealed class TableFileLoader
{
    public const int ExitStatus = 255;

    private const int MaxPathLength = 255;
    private static readonly string[] TableFiles = ["earthworm_global.d", "earthworm.d"];

    private readonly CommandFileReader _kom;
    private readonly Action<string> _diagnostics;
    private readonly IReadOnlyDictionary<TableKind, NameNumberTable> _tables;
    private readonly HashSet<TableKind> _seen = [];
    private readonly int _filesBefore;

    // C keeps one path buffer: after an '@' include it names the included file until the next
    // table file starts, even in messages about lines of the including file.
    private string _fullTablePath = string.Empty;

    public TableFileLoader(CommandFileReader kom, Action<string> diagnostics, IReadOnlyDictionary<TableKind, NameNumberTable> tables)
    {
        _kom = kom;
        _diagnostics = diagnostics;
        _tables = tables;
        _filesBefore = kom.OpenFileCount;
    }

    public void Load(string? ewParams)
    {
        if (ewParams is null)
        {
            Fatal("GetUtil_LoadTable: Environment variable EW_PARAMS not defined! EXITING!");
        }

        if (ewParams.Length == 0)
        {
            Fatal("GetUtil_LoadTable: Environment variable EW_PARAMS defined, but has no value; EXITING!\n");
        }

        string paramDir = LatinText.FromOsString(ewParams);
        for (int index = 0; index < TableFiles.Length; index++)
        {
            LoadTableFile(paramDir, index);
        }

        var missing = TableKind.All.Where(kind => !_seen.Contains(kind)).ToList();
        if (missing.Count > 0)
        {
            Fatal("GetUtil_LoadTable: ERROR, no "
                + string.Concat(missing.Select(kind => $"<{kind.Command}> "))
                + "line(s) in file(s) "
                + string.Concat(TableFiles.Select(name => $"<{name}> "))
                + "exiting!\n");
        }
    }

    private void LoadTableFile(string paramDir, int index)
    {
        if (paramDir.Length + TableFiles[index].Length + 1 > MaxPathLength)
        {
            Fatal($"GetUtil_LoadTable: length of EW_PARAMS+TableFile[{index}] exceeds FullTablePath, MAXLEN={MaxPathLength}; EXITING!\n");
        }

        _fullTablePath = EwParamsPath.Join(paramDir, TableFiles[index]);
        int openFiles = _kom.Open(_fullTablePath);
        if (openFiles == 0)
        {
            Fatal($"GetUtil_LoadTable: Error opening file <{_fullTablePath}>{_kom.OpenFailureDetail}; EXITING!\n");
        }

        int openBefore = openFiles - 1;
        while (openFiles > openBefore)
        {
            while (_kom.ReadLineRaw() > 0)
            {
                openFiles = ProcessLine(paramDir, openFiles);
            }

            openFiles = _kom.Close();
        }
    }

    /// <returns>The number of open files afterwards.</returns>
    private int ProcessLine(string paramDir, int openFiles)
    {
        string? command = _kom.NextToken();
        if (command is null || command.StartsWith('#'))
        {
            return openFiles;
        }

        if (command.StartsWith('@'))
        {
            // getutil includes are relative to EW_PARAMS, whatever the name looks like.
            _fullTablePath = EwParamsPath.Join(paramDir, command[1..]);
            int opened = _kom.Open(_fullTablePath);
            if (opened != openFiles + 1)
            {
                Fatal($"GetUtil_LoadTable: Error opening file <{_fullTablePath}>{_kom.OpenFailureDetail}; EXITING!\n");
            }

            return opened;
        }

        TableKind? kind = TableKind.All.FirstOrDefault(k => _kom.Its(k.Command));
        if (kind is null)
        {
            _diagnostics($"GetUtil_LoadTable: <{command}> Unknown command in <{_fullTablePath}>.\n");
            return openFiles;
        }

        ReadEntry(kind);
        if (_kom.TakeError() != KomError.None)
        {
            Fatal($"GetUtil_LoadTable: Bad <{command}> line in <{_fullTablePath}>; exiting!\n");
        }

        return openFiles;
    }

    private void ReadEntry(TableKind kind)
    {
        NameNumberTable table = _tables[kind];
        if (table.Count + 1 >= kind.Capacity)
        {
            Fatal(kind.TooMany(_fullTablePath));
        }

        string? name = _kom.NextToken();
        long number = kind.HasByteRange ? _kom.NextInt() : _kom.NextLong();
        _seen.Add(kind);

        // A missing name leaves the kom error set, so the line ends as "Bad <cmd> line"
        // (C would crash on it).
        if (name is null)
        {
            return;
        }

        if (kind.HasByteRange && number is < 0 or > 255)
        {
            Fatal(kind.InvalidNumber(number, _fullTablePath));
        }

        if (name.Length > TableKind.MaxNameLength)
        {
            Fatal(kind.NameTooLong(name, _fullTablePath));
        }

        if (table.Add(name, number, out var original) == TableAddResult.Conflict)
        {
            _diagnostics(kind.Conflict(_fullTablePath, original, name, number));
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fatal(string text)
    {
        _diagnostics(text);

        // C exits with its files open; closing ours leaves a shared reader as the caller had it.
        while (_kom.OpenFileCount > _filesBefore)
        {
            _kom.Close();
        }

        throw new EarthwormExitException(ExitStatus, text);
    }
}
