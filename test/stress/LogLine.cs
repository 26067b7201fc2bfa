namespace Statmgr.Stress;

/// <summary>One line of statmgr's log and the moment this tool first saw it complete.</summary>
internal readonly record struct LogLine(DateTimeOffset Seen, string Text);
