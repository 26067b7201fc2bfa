namespace Statmgr.Monitor;

/// <summary>How a drain of the rings ended: whether it read anything, and whether every ring said "none".</summary>
public readonly record struct DrainResult(bool ReadAny, bool Finished);
