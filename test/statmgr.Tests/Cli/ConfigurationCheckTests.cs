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
}
