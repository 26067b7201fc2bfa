using System.Globalization;
using System.Text;
using Statmgr.Config;
using Statmgr.Silences;
using Statmgr.Status;

namespace Statmgr.Cli;

/// <summary>
/// <c>--silence</c>, <c>--silences</c> and <c>--unsilence</c>: the silences file of a
/// configuration, found as the running statmgr finds it (the configuration is loaded quietly;
/// one that does not load still has EW_LOG's default place), read strictly and written whole,
/// atomically, with the silences that have expired left out. The running statmgr sees each
/// change within a second. Exit status 0 when done, 1 when not.
/// </summary>
internal sealed class SilenceCommand
{
    public const int Done = 0;
    public const int NotDone = 1;

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly Func<string, string?> _environment;
    private readonly Func<string, bool> _fileExists;
    private readonly int _processId;
    private readonly TimeProvider _time;

    /// <param name="time">The wall clock a silence starts on and expires by.</param>
    public SilenceCommand(TextWriter stdout, TextWriter stderr, Func<string, string?> environment, Func<string, bool> fileExists, int processId,
        TimeProvider time)
    {
        _stdout = stdout;
        _stderr = stderr;
        _environment = environment;
        _fileExists = fileExists;
        _processId = processId;
        _time = time;
    }

    /// <summary>Adds a silence of <paramref name="module"/> (a descriptor's modName, or <c>all</c>) for <paramref name="duration"/>.</summary>
    public int Add(string module, string duration, string reason, string configPath)
    {
        if (SilenceDuration.Parse(duration, out string? durationProblem) is not { } length)
        {
            return Fail(durationProblem!);
        }
        if (reason.Trim().Length == 0)
        {
            return Fail("a silence needs a reason: say what is being done, so that the others know");
        }
        var where = Locate(configPath);
        if (where.Config is { } config)
        {
            if (NameProblem(module, config, where.OwnModName) is { } problem)
            {
                return Fail(problem);
            }
        }
        else if (where.Path is not null)
        {
            Warn($"the module name <{module}> could not be checked");
        }
        if (where.Path is not { } path || ReadForChange(path) is not { } document)
        {
            return NotDone;
        }
        var start = WholeSecondNow();
        var silence = new Silence(document.NextId, module, start, start + length, Author(), reason);
        var kept = InForce(document, start).Append(silence).ToList();
        if (!TryWrite(path, new SilencesDocument(SilencesDocument.CurrentVersion, document.NextId + 1, kept)))
        {
            return NotDone;
        }
        _stdout.Write($"added {silence.Describe()}\n");
        _stdout.Flush();
        return Done;
    }

    /// <summary>Lists the silences in force.</summary>
    public int List(string configPath)
    {
        var where = Locate(configPath);
        if (where.Path is not { } path)
        {
            return NotDone;
        }
        var reading = SilencesFile.Read(path);
        if (reading.Document is not { } document)
        {
            return Fail($"silences file {path} not read ({reading.Problem})");
        }
        var inForce = InForce(document, WholeSecondNow()).ToList();
        if (inForce.Count == 0)
        {
            _stdout.Write("no silences in force\n");
            _stdout.Flush();
            return Done;
        }
        var rows = new List<string[]> { Header };
        rows.AddRange(inForce.Select(s => new[]
        {
            string.Create(CultureInfo.InvariantCulture, $"#{s.Id}"), s.Module, s.UntilText, s.Author, s.ReasonText,
        }));
        var text = new StringBuilder();
        StatusTable.AppendColumns(text, rows);
        _stdout.Write(text.ToString());
        _stdout.Flush();
        return Done;
    }

    /// <summary>Ends early the silence with that id (<c>3</c> or <c>#3</c>), or every silence of that module.</summary>
    public int Remove(string idOrModule, string configPath)
    {
        var where = Locate(configPath);
        if (where.Path is not { } path || ReadForChange(path) is not { } document)
        {
            return NotDone;
        }
        int? id = int.TryParse(idOrModule.AsSpan(idOrModule.StartsWith('#') ? 1 : 0), NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            ? number
            : null;
        var inForce = InForce(document, WholeSecondNow()).ToList();
        var lifted = inForce.FindAll(s => id is int wanted ? s.Id == wanted : s.Module == idOrModule);
        if (lifted.Count == 0)
        {
            return Fail(id is not null ? $"no silence in force has id {id}" : $"no silence in force is of {idOrModule}");
        }
        var kept = inForce.Except(lifted).ToList();
        if (!TryWrite(path, document with { Silences = kept }))
        {
            return NotDone;
        }
        foreach (var silence in lifted)
        {
            _stdout.Write($"lifted {silence.Describe()}\n");
        }
        _stdout.Flush();
        return Done;
    }

    private static readonly string[] Header = ["id", "module", "until", "author", "reason"];

    /// <summary>Where the file is and, when the configuration loads, the configuration (to check module names against).</summary>
    private (string? Path, StatmgrConfig? Config, string? OwnModName) Locate(string configPath)
    {
        var result = QuietStartup.Load(configPath, _environment, _fileExists, _processId, out var log);
        string? path;
        if (result is null)
        {
            var why = log.Entries.Count > 0 ? log.Entries[^1].Text.TrimEnd('\n') : "no reason given";
            path = SilencesFileLocation.Default(configPath, _environment);
            Warn($"configuration {configPath} does not load ({why}); using {path ?? "no silences file"}");
        }
        else
        {
            path = SilencesFileLocation.Resolve(result.Config, _environment);
        }
        if (path is null)
        {
            Fail($"no place for the silences file: EW_LOG is not set and {configPath} names no StatusFile path");
        }
        return (path, result?.Config, result is { OwnDescriptorIndex: >= 0 } loaded ? loaded.Config.Descriptors[loaded.OwnDescriptorIndex].ModName : null);
    }

    /// <summary>Why <paramref name="module"/> cannot be silenced in <paramref name="config"/>, or null when it can.</summary>
    private static string? NameProblem(string module, StatmgrConfig config, string? ownModName)
    {
        if (module == ownModName)
        {
            return $"{module} is statmgr's own module: it is never silenced, so that its \"Program stopping\" always goes out";
        }
        if (module == Silence.All || config.Descriptors.Exists(d => d.ModName == module))
        {
            return null;
        }
        var names = config.Descriptors.Select(d => d.ModName).Where(name => name != ownModName).Distinct();
        return $"no descriptor of {config.ConfigPath} has modName <{module}>; the modules are: {string.Join(", ", names)}, or {Silence.All}";
    }

    /// <summary>The file as it is, before a change; null (said why) when a broken file would be overwritten.</summary>
    private SilencesDocument? ReadForChange(string path)
    {
        var reading = SilencesFile.Read(path);
        if (reading.Document is null)
        {
            Fail($"silences file {path} not read ({reading.Problem}); mend it or remove it first");
        }
        return reading.Document;
    }

    /// <summary>Writes the file; false (said why) when it cannot be written.</summary>
    private bool TryWrite(string path, SilencesDocument document)
    {
        try
        {
            SilencesFile.Write(path, document, _processId);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail($"silences file {path} not written: {ex.Message}");
            return false;
        }
    }

    /// <summary>The silences not yet expired at <paramref name="now"/>: a written file keeps only these.</summary>
    private static IEnumerable<Silence> InForce(SilencesDocument document, DateTime now) => document.Silences.Where(s => s.Until > now);

    private DateTime WholeSecondNow()
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }

    /// <summary>Who ran the command: the user behind sudo when there is one, so that "root" names nobody.</summary>
    private string Author() => _environment("SUDO_USER") is { Length: > 0 } user ? user : Environment.UserName;

    private void Warn(string text) => _stderr.Write($"statmgr: {text}\n");

    private int Fail(string text)
    {
        Warn(text);
        _stderr.Flush();
        return NotDone;
    }
}
