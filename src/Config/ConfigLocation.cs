namespace Statmgr.Config;

/// <summary>
/// Where a configuration problem was found: the file as it was opened and its 1-based line.
/// Line 0 means the problem belongs to no line (the environment or the Earthworm tables).
/// </summary>
public readonly record struct ConfigLocation(string File, int Line);
