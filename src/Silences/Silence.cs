using System.Globalization;
using System.Text.Json.Serialization;
using Statmgr.Notify;

namespace Statmgr.Silences;

/// <summary>
/// One silence of the silences file: a module (a descriptor's modName, or <see cref="All"/>) whose
/// reports are logged but not paged or mailed until <see cref="Until"/>, with who asked and why.
/// Times are UTC and whole seconds. What is worked out from the fields stays out of the file.
/// </summary>
internal sealed record Silence(int Id, string Module, DateTime Start, DateTime Until, string Author, string Reason)
{
    /// <summary>The module name that silences every descriptor but statmgr's own.</summary>
    public const string All = "all";

    /// <summary>The end as epoch seconds: the silence is over from this second on.</summary>
    [JsonIgnore]
    public long UntilSecond => new DateTimeOffset(Until).ToUnixTimeSeconds();

    /// <summary>True when it covers the descriptor named <paramref name="modName"/> (statmgr's own is left to the caller).</summary>
    public bool Covers(string modName) => Module == All || Module == modName;

    /// <summary>What it silences, as the log says it: the module, or "all modules".</summary>
    [JsonIgnore]
    public string Subject => Module == All ? "all modules" : Module;

    /// <summary><c>2026-12-08 06:40:00 UTC</c>.</summary>
    [JsonIgnore]
    public string UntilText => Until.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>The reason as one line (a hand-edited file may hold anything).</summary>
    [JsonIgnore]
    public string ReasonText => VisibleText.OneLine(Reason);

    /// <summary><c>silence #3 of pick_ew by alice until 2026-12-08 06:40:00 UTC: digitizer swap</c>: the log's and the CLI's line.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"silence #{Id} of {Subject} by {VisibleText.OneLine(Author)} until {UntilText}: {ReasonText}");

    /// <summary>What a silenced report ends with: <c> (silenced: #3 by alice until 2026-12-08 06:40:00 UTC: digitizer swap)</c>.</summary>
    public string ReportSuffix() =>
        string.Create(CultureInfo.InvariantCulture, $" (silenced: #{Id} by {VisibleText.OneLine(Author)} until {UntilText}: {ReasonText})");
}

/// <summary>The whole silences file: schema version, the id the next silence gets, the silences.</summary>
internal sealed record SilencesDocument(int Version, int NextId, IReadOnlyList<Silence> Silences)
{
    /// <summary>The one schema version this statmgr reads and writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The file before any silence was ever added.</summary>
    public static readonly SilencesDocument Empty = new(CurrentVersion, 1, []);
}
