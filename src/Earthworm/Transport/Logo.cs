namespace Statmgr.Earthworm.Transport;

/// <summary>Who sent a message and what it is: installation, module id and message type (0 = wildcard).</summary>
public readonly record struct Logo(byte Installation, byte Module, byte Type);
