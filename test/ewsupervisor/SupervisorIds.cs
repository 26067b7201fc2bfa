namespace Statmgr.EwSupervisor;

/// <summary>The installation, module id and message types the supervisor speaks, looked up in the tables at start.</summary>
internal readonly record struct SupervisorIds(
    byte Installation, byte Module, byte Heartbeat, byte Error, byte Restart, byte RequestStatus, byte Status, byte Stop);
