using Statmgr.Tests.Config;

namespace Statmgr.Tests.Cli;

/// <summary>
/// <c>statmgr --check</c> run as a process, for what only --check says: statmgr's own descriptor
/// without the message of its start, and a line naming a variable nobody defines, each one line.
/// </summary>
[Category(TestCategory.WholeProcess)]
public class ConfigurationCheckProcessTests : WholeProcessTestBase
{
    private const string Separator = "---------------------------------------------------\n";

    /// <summary>The minimal statmgr.d naming its descriptor as operators do: relative to EW_PARAMS, the working directory.</summary>
    private void WriteStatmgrD(params string[] extraLines) => Fixture.Write("statmgr.d",
        ConfigTexts.Minimal(Fixture, extraLines).Replace(Fixture.PathOf("statmgr.desc"), "statmgr.desc", StringComparison.Ordinal));

    [Test]
    public void OwnDescriptorWithoutErrorZeroIsAWarningNamingTheFileAndTheMessage()
    {
        Fixture.Write("statmgr.desc", ConfigTexts.StatmgrDesc.Replace(
            "err: 0  nerr: 1  tsec: 0  page: 1  mail: 1\ntext: \"Program starting.\"\n", "", StringComparison.Ordinal));
        WriteStatmgrD();

        var outcome = RunStatmgr("--check", "statmgr.d");

        Assert.That(outcome.Stdout, Does.EndWith(Separator
            + "statmgr.desc:0: warning: statmgr: no <err: 0> in statmgr's own descriptor <statmgr.desc>: "
            + "a start logs \"statmgr message 0 not found\" and sends no startup report\n"));
        Assert.That(outcome.Stderr, Is.Empty);
        Assert.That(outcome.ExitCode, Is.EqualTo(0));
    }

    [Test]
    public void UnresolvedVariableIsOneWarningLineWithTheLineOnIt()
    {
        Fixture.Write("statmgr.desc", ConfigTexts.StatmgrDesc);
        WriteStatmgrD("Subject ${STATMGR_TEST_NO_SUCH_VARIABLE}");

        var outcome = RunStatmgr("--check", "statmgr.d");

        Assert.That(outcome.Stdout, Does.EndWith(Separator
            + "statmgr.d:8: warning: skipping variable expansion (env var match not found): Subject ${STATMGR_TEST_NO_SUCH_VARIABLE}\n"));
        Assert.That(outcome.Stderr, Is.Empty);
        Assert.That(outcome.ExitCode, Is.EqualTo(0));
    }
}
