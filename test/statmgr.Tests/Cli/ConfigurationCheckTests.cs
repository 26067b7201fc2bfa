using Statmgr.Cli;
using Statmgr.Tests.Config;

namespace Statmgr.Tests.Cli;

public class ConfigurationCheckTests
{
    private ConfigFixture _fixture = null!;
    private StringWriter _stdout = null!;
    private IReadOnlyList<string> _mailProblems = [];

    [SetUp]
    public void SetUp()
    {
        _fixture = ConfigFixture.Create();
        _stdout = new StringWriter();
        _mailProblems = [];
    }

    [TearDown]
    public void TearDown()
    {
        _stdout.Dispose();
        _fixture.Dispose();
    }

    private int Check(string name) => new ConfigurationCheck(_stdout, _fixture.Environment, File.Exists, 99, _ => _mailProblems).Run(_fixture.PathOf(name));

    [Test]
    public void GoodConfigurationPrintsOnlyTheDump()
    {
        ConfigTexts.WriteMinimal(_fixture);

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(_stdout.ToString(), Does.StartWith("\n       *****  Statmgr Configuration file  *****\n"));
        Assert.That(_stdout.ToString(), Does.EndWith(" text: \"Transport tracking limit exceeded.\"\n---------------------------------------------------\n"));
    }

    [Test]
    public void MailProblemsAreWarningsAgainstTheConfigFile()
    {
        ConfigTexts.WriteMinimal(_fixture);
        _mailProblems = ["SmtpPasswordFile </nope> cannot be read: no such file"];

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(
            _stdout.ToString(),
            Does.EndWith($"{_fixture.PathOf("statmgr.d")}:0: warning: statmgr: SmtpPasswordFile </nope> cannot be read: no such file\n"));
    }

    [Test]
    public void WarningsAloneStillPass()
    {
        ConfigTexts.WriteMinimal(_fixture, "Colour blue");

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(_stdout.ToString(), Does.EndWith(
            $"---------------------------------------------------\n{_fixture.PathOf("statmgr.d")}:8: warning: statmgr: <Colour> unknown command in <{_fixture.PathOf("statmgr.d")}>.\n"));
    }

    [Test]
    public void ErrorsPrintNoDump()
    {
        ConfigTexts.WriteMinimal(_fixture, "LogFile");

        Assert.That(Check("statmgr.d"), Is.EqualTo(1));
        Assert.That(_stdout.ToString(), Is.EqualTo(
            $"{_fixture.PathOf("statmgr.d")}:8: error: statmgr: Bad <LogFile> command in <{_fixture.PathOf("statmgr.d")}>; exiting.\n"));
    }

    [Test]
    public void TablesThatCannotBeLoadedStopTheCheck()
    {
        ConfigTexts.WriteMinimal(_fixture);
        File.Delete(_fixture.PathOf("earthworm.d"));

        Assert.That(Check("statmgr.d"), Is.EqualTo(1));
        Assert.That(_stdout.ToString(), Is.EqualTo(
            $"{_fixture.PathOf("statmgr.d")}:0: error: GetUtil_LoadTable: Error opening file <{_fixture.PathOf("earthworm.d")}>; EXITING!\n"));
    }

    /// <summary>The stock statmgr.desc without one error and its text line.</summary>
    private static string WithoutError(short number, string text) => ConfigTexts.StatmgrDesc.Replace(
        $"err: {number}  nerr: 1  tsec: 0  page: 1  mail: 1\ntext: \"{text}\"\n", "", StringComparison.Ordinal);

    [Test]
    public void OwnDescriptorWithoutTheStartupMessageIsAWarningAtItsLineZero()
    {
        ConfigTexts.WriteMinimal(_fixture);
        _fixture.Write("statmgr.desc", WithoutError(0, "Program starting."));
        var desc = _fixture.PathOf("statmgr.desc");

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(_stdout.ToString(), Does.EndWith(
            "---------------------------------------------------\n"
            + $"{desc}:0: warning: statmgr: no <err: 0> in statmgr's own descriptor <{desc}>: "
            + "a start logs \"statmgr message 0 not found\" and sends no startup report\n"));
    }

    [Test]
    public void OwnDescriptorWithoutTheShutdownMessageIsAWarningAtItsLineZero()
    {
        ConfigTexts.WriteMinimal(_fixture);
        _fixture.Write("statmgr.desc", WithoutError(1, "Program stopping."));
        var desc = _fixture.PathOf("statmgr.desc");

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(_stdout.ToString(), Does.EndWith(
            "---------------------------------------------------\n"
            + $"{desc}:0: warning: statmgr: no <err: 1> in statmgr's own descriptor <{desc}>: "
            + "a stop logs \"statmgr message 1 not found\" and exits with status 255\n"));
    }

    [Test]
    public void OwnDescriptorWithoutEitherMessageGetsBothWarningsAndAStartLogsNeither()
    {
        ConfigTexts.WriteMinimal(_fixture);
        _fixture.Write("statmgr.desc", ConfigTexts.Module("statmgr", "MOD_STATMGR", "tsec: 0  page: 0  mail: 0"));
        var desc = _fixture.PathOf("statmgr.desc");

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(_stdout.ToString().Split('\n')[^3..], Is.EqualTo(new[]
        {
            $"{desc}:0: warning: statmgr: no <err: 0> in statmgr's own descriptor <{desc}>: "
            + "a start logs \"statmgr message 0 not found\" and sends no startup report",
            $"{desc}:0: warning: statmgr: no <err: 1> in statmgr's own descriptor <{desc}>: "
            + "a stop logs \"statmgr message 1 not found\" and exits with status 255",
            "",
        }));
        // A real start reads the same files without a word about it: C says nothing until the monitor runs.
        var start = _fixture.Start("statmgr.d");
        Assert.That(start.Exit, Is.Null);
        Assert.That(start.Log.Entries.Select(e => e.Text), Has.None.Contains("own descriptor"));
    }

    [Test]
    public void UnresolvedVariableIsOneLineWithTheLineOnIt()
    {
        ConfigTexts.WriteMinimal(_fixture, "Subject ${NO_SUCH_VARIABLE}");

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(_stdout.ToString(), Does.EndWith(
            "---------------------------------------------------\n"
            + $"{_fixture.PathOf("statmgr.d")}:8: warning: skipping variable expansion (env var match not found): Subject ${{NO_SUCH_VARIABLE}}\n"));
    }
}
