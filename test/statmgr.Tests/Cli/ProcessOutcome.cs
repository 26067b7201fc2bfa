namespace Statmgr.Tests.Cli;

internal sealed record ProcessOutcome(int ExitCode, string Stdout, string Stderr);
