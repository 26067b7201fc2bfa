namespace Statmgr.EwSupervisor;

/// <summary>One ring as the status text lists it: name, key and size in kilobytes.</summary>
internal sealed record StatusRing(string Name, int Key, long SizeKb);
