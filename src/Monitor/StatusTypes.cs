namespace Statmgr.Monitor;

/// <summary>The message type numbers statmgr needs, resolved by name from the Earthworm tables.</summary>
public sealed record StatusTypes(byte Heartbeat, byte Error, byte Page, byte Restart, byte Status, byte Stop, byte RequestStatus);
