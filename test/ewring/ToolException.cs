namespace Statmgr.EwRing;

/// <summary>A reason ewring stops with exit status 1.</summary>
internal sealed class ToolException(string message) : Exception(message);
