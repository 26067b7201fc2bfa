using Statmgr.Cli;
using Statmgr.Tests.Config;

namespace Statmgr.Tests.Cli;

public class ConfigurationCheckTests
{
    private ConfigFixture fixture = null!;
    private StringWriter stdout = null!;

    [SetUp]
    public void SetUp()
    {
        fixture = ConfigFixture.Create();
        stdout = new StringWriter();
    }

    [TearDown]
    public void TearDown()
    {
        stdout.Dispose();
        fixture.Dispose();
    }

    private int Check(string name) => new ConfigurationCheck(stdout, fixture.Environment, File.Exists, 99).Run(fixture.PathOf(name));

    [Test]
    public void GoodConfigurationPrintsOnlyTheDump()
    {
        ConfigTexts.WriteMinimal(fixture);

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(stdout.ToString(), Does.StartWith("\n       *****  Statmgr Configuration file  *****\n"));
        Assert.That(stdout.ToString(), Does.EndWith(" text: \"Transport tracking limit exceeded.\"\n---------------------------------------------------\n"));
    }

    [Test]
    public void WarningsAloneStillPass()
    {
        ConfigTexts.WriteMinimal(fixture, "Colour blue");

        Assert.That(Check("statmgr.d"), Is.EqualTo(0));
        Assert.That(stdout.ToString(), Does.EndWith(
            $"---------------------------------------------------\n{fixture.PathOf("statmgr.d")}:8: warning: statmgr: <Colour> unknown command in <{fixture.PathOf("statmgr.d")}>.\n"));
    }

    [Test]
    public void ErrorsPrintNoDump()
    {
        ConfigTexts.WriteMinimal(fixture, "LogFile");

        Assert.That(Check("statmgr.d"), Is.EqualTo(1));
        Assert.That(stdout.ToString(), Is.EqualTo(
            $"{fixture.PathOf("statmgr.d")}:8: error: statmgr: Bad <LogFile> command in <{fixture.PathOf("statmgr.d")}>; exiting.\n"));
    }

    [Test]
    public void TablesThatCannotBeLoadedStopTheCheck()
    {
        ConfigTexts.WriteMinimal(fixture);
        File.Delete(fixture.PathOf("earthworm.d"));

        Assert.That(Check("statmgr.d"), Is.EqualTo(1));
        Assert.That(stdout.ToString(), Is.EqualTo(
            $"{fixture.PathOf("statmgr.d")}:0: error: GetUtil_LoadTable: Error opening file <{fixture.PathOf("earthworm.d")}>; EXITING!\n"));
    }
}
