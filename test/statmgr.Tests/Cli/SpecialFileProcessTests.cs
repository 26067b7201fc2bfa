using System.Diagnostics;
using Statmgr.Tests.Config;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Cli;

/// <summary>
/// statmgr run as a process with statmgr.d a FIFO, a link to /dev/zero or an oversized file:
/// both <c>--check</c> and a start say why at once and end, where they used to hang or spin.
/// </summary>
[Category(TestCategory.WholeProcess)]
public class SpecialFileProcessTests : WholeProcessTestBase
{
    [TearDown]
    public void ReleaseFifo() => SpecialFiles.Release(Fixture.PathOf("statmgr.d"));

    [Test]
    public void CheckNamesTheFileAndTheReasonAndEnds([Values] SpecialFile kind)
    {
        ConfigTexts.WriteMinimal(Fixture);
        SpecialFiles.Make(kind, Fixture.PathOf("statmgr.d"));
        var clock = Stopwatch.StartNew();

        var outcome = RunStatmgr("--check", "statmgr.d");

        Assert.That(clock.Elapsed, Is.LessThan(SpecialFiles.HangLimit));
        Assert.That(outcome.Stdout, Is.EqualTo(
            $"statmgr.d:0: error: statmgr: Error opening command file <statmgr.d>: {SpecialFiles.Reason(kind)}; exiting.\n"));
        Assert.That(outcome.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void AStartLogsTheFileAndTheReasonAndExits255([Values] SpecialFile kind)
    {
        var logs = Directory.CreateDirectory(Fixture.PathOf("logs")).FullName;
        ShellEnvironment["EW_LOG"] = logs;
        ConfigTexts.WriteMinimal(Fixture);
        SpecialFiles.Make(kind, Fixture.PathOf("statmgr.d"));
        var clock = Stopwatch.StartNew();

        var outcome = RunStatmgr("statmgr.d");

        Assert.That(clock.Elapsed, Is.LessThan(SpecialFiles.HangLimit));
        var text = $"statmgr: Error opening command file <statmgr.d>: {SpecialFiles.Reason(kind)}; exiting.\n";
        Assert.That(outcome.ExitCode, Is.EqualTo(255));
        Assert.That(outcome.Stderr, Does.EndWith(text));
        Assert.That(File.ReadAllText(Directory.GetFiles(logs, "statmgr_*.log").Single()), Does.EndWith(text));
    }
}
