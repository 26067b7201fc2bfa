using Statmgr.Cli;
using Statmgr.Config;
using Statmgr.Notify.Mail;
using Statmgr.Tests.Config;

namespace Statmgr.Tests.Cli;

public class ConfigurationCheckTests : ConfigFixtureTests
{
    private CapturedConsole _console = null!;
    private IReadOnlyList<MailCheckProblem> _mailProblems = [];

    [SetUp]
    public void SetUp()
    {
        _console = new CapturedConsole();
        _mailProblems = [];
    }

    [TearDown]
    public void TearDown() => _console.Dispose();

    private int Check(string name) => new ConfigurationCheck(_console.Out, Fixture.Environment, File.Exists, 99, _ => _mailProblems).Run(Fixture.PathOf(name));

    [Test]
    public void GoodConfigurationPrintsOnlyTheDump()
    {
        ConfigTexts.WriteMinimal(Fixture);

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(_console.Out.ToString(), Does.StartWith("\n       *****  Statmgr Configuration file  *****\n"));
        Assert.That(_console.Out.ToString(), Does.EndWith(" text: \"Transport tracking limit exceeded.\"\n---------------------------------------------------\n"));
    }

    [Test]
    public void MailProblemsAreWarningsAtTheirCommandsLine()
    {
        ConfigTexts.WriteMinimal(Fixture);
        _mailProblems = [new(new ConfigLocation(Fixture.PathOf("statmgr.d"), 9), "SmtpPasswordFile </nope> cannot be read: no such file")];

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(
            _console.Out.ToString(),
            Does.EndWith($"{Fixture.PathOf("statmgr.d")}:9: warning: statmgr: SmtpPasswordFile </nope> cannot be read: no such file\n"));
    }

    [TestCase("10.1.2.3:9750")]
    [TestCase("0.0.0.0:9750")]
    [TestCase("[::]:9750")]
    [TestCase("[2001:db8::7]:9750")]
    public void AStatusListenAddressThatIsNotLoopbackIsAWarningAtItsLine(string value)
    {
        ConfigTexts.WriteMinimal(Fixture, "StatusListen " + value);

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(_console.Out.ToString(), Does.EndWith(
            $"---------------------------------------------------\n{Fixture.PathOf("statmgr.d")}:8: warning: statmgr: StatusListen <{value}> is not a loopback address: "
            + "anyone who can reach it can read the status page, /status.json and /metrics\n"));
    }

    [TestCase("127.0.0.1:9750")]
    [TestCase("127.3.2.1:9750")]
    [TestCase("[::1]:9750")]
    public void ALoopbackStatusListenAddressGetsNoWarning(string value)
    {
        ConfigTexts.WriteMinimal(Fixture, "StatusListen " + value);

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(_console.Out.ToString(), Does.EndWith("---------------------------------------------------\n"));
    }

    [Test]
    public void WarningsAloneStillPass()
    {
        ConfigTexts.WriteMinimal(Fixture, "Colour blue");

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(_console.Out.ToString(), Does.EndWith(
            $"---------------------------------------------------\n{Fixture.PathOf("statmgr.d")}:8: warning: statmgr: <Colour> unknown command in <{Fixture.PathOf("statmgr.d")}>.\n"));
    }

    [Test]
    public void ErrorsPrintNoDump()
    {
        ConfigTexts.WriteMinimal(Fixture, "LogFile");

        Assert.That(Check("statmgr.d"), Is.EqualTo(1));
        Assert.That(_console.Out.ToString(), Is.EqualTo(
            $"{Fixture.PathOf("statmgr.d")}:8: error: statmgr: Bad <LogFile> command in <{Fixture.PathOf("statmgr.d")}>; exiting.\n"));
    }

    [Test]
    public void TablesThatCannotBeLoadedStopTheCheck()
    {
        ConfigTexts.WriteMinimal(Fixture);
        File.Delete(Fixture.PathOf("earthworm.d"));

        Assert.That(Check("statmgr.d"), Is.EqualTo(1));
        Assert.That(_console.Out.ToString(), Is.EqualTo(
            $"{Fixture.PathOf("statmgr.d")}:0: error: GetUtil_LoadTable: Error opening file <{Fixture.PathOf("earthworm.d")}>; EXITING!\n"));
    }

    /// <summary>The stock statmgr.desc without one error and its text line.</summary>
    private static string WithoutError(short number, string text) => ConfigTexts.StatmgrDesc.Replace(
        $"err: {number}  nerr: 1  tsec: 0  page: 1  mail: 1\ntext: \"{text}\"\n", "", StringComparison.Ordinal);

    [TestCase(0, "Program starting.", "a start logs \"statmgr message 0 not found\" and sends no startup report")]
    [TestCase(1, "Program stopping.", "a stop logs \"statmgr message 1 not found\" and exits with status 255")]
    public void OwnDescriptorWithoutAMessageIsAWarningAtItsLineZero(short number, string text, string consequence)
    {
        ConfigTexts.WriteMinimal(Fixture);
        Fixture.Write("statmgr.desc", WithoutError(number, text));
        var desc = Fixture.PathOf("statmgr.desc");

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(_console.Out.ToString(), Does.EndWith(
            "---------------------------------------------------\n"
            + $"{desc}:0: warning: statmgr: no <err: {number}> in statmgr's own descriptor <{desc}>: {consequence}\n"));
    }

    [Test]
    public void OwnDescriptorWithoutEitherMessageGetsBothWarningsAndAStartLogsNeither()
    {
        ConfigTexts.WriteMinimal(Fixture);
        Fixture.Write("statmgr.desc", ConfigTexts.Module("statmgr", "MOD_STATMGR", "tsec: 0  page: 0  mail: 0"));
        var desc = Fixture.PathOf("statmgr.desc");

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(_console.Out.ToString().Split('\n')[^3..], Is.EqualTo(new[]
        {
            $"{desc}:0: warning: statmgr: no <err: 0> in statmgr's own descriptor <{desc}>: "
            + "a start logs \"statmgr message 0 not found\" and sends no startup report",
            $"{desc}:0: warning: statmgr: no <err: 1> in statmgr's own descriptor <{desc}>: "
            + "a stop logs \"statmgr message 1 not found\" and exits with status 255",
            "",
        }));
        // A real start reads the same files without a word about it: C says nothing until the monitor runs.
        var start = Fixture.Start("statmgr.d");
        Assert.That(start.Exit, Is.Null);
        Assert.That(start.Log.Entries.Select(e => e.Text), Has.None.Contains("own descriptor"));
    }

    [Test]
    public void UnresolvedVariableIsOneLineWithTheLineOnIt()
    {
        ConfigTexts.WriteMinimal(Fixture, "Subject ${NO_SUCH_VARIABLE}");

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(_console.Out.ToString(), Does.EndWith(
            "---------------------------------------------------\n"
            + $"{Fixture.PathOf("statmgr.d")}:8: warning: skipping variable expansion (env var match not found): Subject ${{NO_SUCH_VARIABLE}}\n"));
    }
}
