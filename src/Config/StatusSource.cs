namespace Statmgr.Config;

/// <summary>One GetStatusFrom line: whose heartbeats, errors, stops and restarts statmgr reads (0 = wildcard).</summary>
public sealed record StatusSource(string InstallationName, byte Installation, string ModuleName, byte Module);
