namespace Statmgr.Tests;

/// <summary>The test categories the Makefile and build.ps1 select by name (<c>--filter Category=...</c>).</summary>
internal static class TestCategory
{
    /// <summary>
    /// Runs statmgr as a process (<c>dotnet statmgr.dll</c>, or STATMGR_EXE when set). `make test`
    /// runs these against the published binary (native, or ReadyToRun where the host cannot link a
    /// native one) and everything else in-process, so every such class carries it.
    /// </summary>
    public const string WholeProcess = "WholeProcess";

    /// <summary>Fuzz tests: `make fuzz` runs only these, with ten million inputs each.</summary>
    public const string Fuzz = "Fuzz";
}
