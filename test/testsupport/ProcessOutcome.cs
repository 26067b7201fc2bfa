namespace Statmgr.TestSupport;

/// <summary>How a child program ended: its exit code and everything it wrote.</summary>
public sealed record ProcessOutcome(int ExitCode, string Stdout, string Stderr);
