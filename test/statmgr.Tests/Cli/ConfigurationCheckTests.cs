using Statmgr.Cli;
using Statmgr.Tests.Config;

namespace Statmgr.Tests.Cli;

public class ConfigurationCheckTests : ConfigFixtureTests
{
    private CapturedConsole _console = null!;
    private IReadOnlyList<string> _mailProblems = [];

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
    public void MailProblemsAreWarningsAgainstTheConfigFile()
    {
        ConfigTexts.WriteMinimal(Fixture);
        _mailProblems = ["SmtpPasswordFile </nope> cannot be read: no such file"];

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(
            _console.Out.ToString(),
            Does.EndWith($"{Fixture.PathOf("statmgr.d")}:0: warning: statmgr: SmtpPasswordFile </nope> cannot be read: no such file\n"));
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
}
