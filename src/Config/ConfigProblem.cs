namespace Statmgr.Config;

/// <summary>One problem found while loading the configuration, with the exact text written to the log.</summary>
public sealed record ConfigProblem(ConfigLocation Location, ConfigProblemSeverity Severity, string Text)
{
    /// <summary>The <c>file:line: error|warning: text</c> form printed by <c>--check</c>.</summary>
    public string ToCheckLine()
    {
        var kind = Severity == ConfigProblemSeverity.Error ? "error" : "warning";
        return $"{Location.File}:{Location.Line}: {kind}: {Text.TrimEnd('\n')}";
    }
}
