namespace Statmgr.Config;

/// <summary>One problem found while loading the configuration, with the exact text written to the log.</summary>
internal sealed record ConfigProblem(ConfigLocation Location, ConfigProblemSeverity Severity, string Text)
{
    /// <summary>The <c>file:line: error|warning: text</c> form printed by <c>--check</c>.</summary>
    public string ToCheckLine()
    {
        var kind = Severity == ConfigProblemSeverity.Error ? "error" : "warning";
        // C's texts may run over two lines ("…; or\n\t…"); a --check problem is one line, so a
        // line break and the indent after it read as one space.
        return $"{Location.File}:{Location.Line}: {kind}: {string.Join(' ', Text.TrimEnd('\n').Split('\n').Select(part => part.Trim('\t')))}";
    }
}

/// <summary>An error stops a real start (exit 255); a warning is only logged.</summary>
internal enum ConfigProblemSeverity
{
    Error,
    Warning,
}

/// <summary>
/// Where a configuration problem was found: the file as it was opened and its 1-based line.
/// Line 0 means the problem belongs to no line (the environment or the Earthworm tables).
/// </summary>
internal readonly record struct ConfigLocation(string File, int Line);
