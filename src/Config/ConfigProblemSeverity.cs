namespace Statmgr.Config;

/// <summary>An error stops a real start (exit 255); a warning is only logged.</summary>
public enum ConfigProblemSeverity
{
    Error,
    Warning,
}
