namespace Statmgr.Monitor;

/// <summary>C's restart states, with C's numbers (they show in no output, but keep the story readable).</summary>
public enum RestartState
{
    /// <summary>No <c>restartMe</c> line: never restarted.</summary>
    None = 0,

    /// <summary>Restartable: its pid is known from a heartbeat.</summary>
    RestartMe = 1,

    /// <summary><c>restartMe</c> given, but no heartbeat with a pid seen yet.</summary>
    UnknownPid = 2,

    /// <summary>Stopped on purpose (TYPE_STOP): reported dead, but not restarted.</summary>
    Stopped = 3,
}
