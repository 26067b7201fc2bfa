namespace Statmgr.Monitor;

/// <summary>One ring line of startstop's status text: name, key and size in kB.</summary>
public sealed record StartstopRing(string Name, long Key, long SizeKb);
