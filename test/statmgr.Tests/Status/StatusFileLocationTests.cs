using Statmgr.Status;
using Statmgr.Tests.Config;

namespace Statmgr.Tests.Status;

/// <summary>StatusFile as statmgr.d says it, and where the running statmgr and --status find the file.</summary>
public class StatusFileLocationTests : ConfigFixtureTests
{
    private const string EwLog = "/var/log/ew/";

    private string? Resolve(params string[] lines)
    {
        ConfigTexts.WriteMinimal(Fixture, lines);
        var outcome = Fixture.Start("statmgr.d");
        Assert.That(outcome.Problems, Is.Empty);
        return StatusFileLocation.Resolve(outcome.Config, name => name == "EW_LOG" ? EwLog : null);
    }

    [Test]
    public void WithoutTheCommandTheFileIsNextToTheLogNamedAfterTheConfigFile()
    {
        Assert.That(Resolve(), Is.EqualTo("/var/log/ew/statmgr_status.json"));
    }

    [Test]
    public void AnEwLogWithoutItsSlashStillPutsTheFileInside()
    {
        ConfigTexts.WriteMinimal(Fixture);
        var config = Fixture.Start("statmgr.d").Config;
        Assert.That(StatusFileLocation.Resolve(config, _ => "/var/log/ew"), Is.EqualTo("/var/log/ew/statmgr_status.json"));
    }

    [Test]
    public void StatusFileZeroTurnsTheFileOff()
    {
        Assert.That(Resolve("StatusFile 0"), Is.Null);
    }

    [Test]
    public void StatusFileWithAPathMovesIt()
    {
        Assert.That(Resolve("StatusFile /run/ew/status.json"), Is.EqualTo("/run/ew/status.json"));
    }

    [Test]
    public void TheLastStatusFileLineWins()
    {
        Assert.That(Resolve("StatusFile /run/ew/status.json", "StatusFile 0"), Is.Null);
    }
}
