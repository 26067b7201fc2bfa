using Statmgr.Cli;
using Statmgr.Config;
using Statmgr.Tests.Config;

namespace Statmgr.Tests.Cli;

/// <summary>
/// LimitWindow, HeartbeatClock and HeartbeatSkew in statmgr.d: read with their defaults, a bad value
/// is a startup error at its <c>file:line</c>, and <c>--check</c> shows their values after C's dump.
/// </summary>
public class ClockAndLimitCheckTests : ConfigFixtureTests
{
    private const string CDumpEnd = " text: \"Transport tracking limit exceeded.\"\n---------------------------------------------------\n";

    [Test]
    public void WithoutTheCommandsTheDefaultsAreCs()
    {
        ConfigTexts.WriteMinimal(Fixture);

        var config = Fixture.Start("statmgr.d").Config;

        Assert.That(config.LimitWindowSeconds, Is.EqualTo(StatmgrConfig.DefaultLimitWindowSeconds).And.Zero);
        Assert.That(config.HeartbeatClock, Is.EqualTo(HeartbeatClockMode.Sender));
        Assert.That(config.HeartbeatSkewSeconds, Is.EqualTo(StatmgrConfig.DefaultHeartbeatSkewSeconds).And.EqualTo(60));
    }

    [Test]
    public void TheCommandsAreRead()
    {
        ConfigTexts.WriteMinimal(Fixture, "LimitWindow 3600", "HeartbeatClock Receive", "HeartbeatSkew 0");

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Problems, Is.Empty);
        Assert.That(outcome.Config.LimitWindowSeconds, Is.EqualTo(3600));
        Assert.That(outcome.Config.HeartbeatClock, Is.EqualTo(HeartbeatClockMode.Receive));
        Assert.That(outcome.Config.HeartbeatSkewSeconds, Is.Zero);
    }

    [Test]
    public void CheckNamesTheFileAndLineOfEachBadValue()
    {
        ConfigTexts.WriteMinimal(Fixture, "LimitWindow -1", "HeartbeatClock local", "HeartbeatSkew -5", "LimitWindow soon");

        var start = Fixture.Start("statmgr.d");
        var check = Fixture.Check("statmgr.d");

        Assert.That(start.Exit?.ExitCode, Is.EqualTo(255), "a bad value stops a real start");
        Assert.That(check.CheckLines, Is.EqualTo(new[]
        {
            $"{ConfigPath}:8: error: statmgr: Invalid <LimitWindow> value -1 in <{ConfigPath}>; valid=0 (limits count for the whole run) or more seconds; exiting.",
            $"{ConfigPath}:9: error: statmgr: Invalid <HeartbeatClock> value <local> in <{ConfigPath}>; valid=sender, receive; exiting.",
            $"{ConfigPath}:10: error: statmgr: Invalid <HeartbeatSkew> value -5 in <{ConfigPath}>; valid=0 (no check) or more seconds; exiting.",
            $"{ConfigPath}:11: error: statmgr: Bad <LimitWindow> command in <{ConfigPath}>; exiting.",
        }));
    }

    [Test]
    public void CheckPrintsTheAlertPolicySectionAfterCsDumpWhenACommandIsUsed()
    {
        ConfigTexts.WriteMinimal(Fixture, "HeartbeatClock receive");

        var (status, output) = RunCheck();

        Assert.That(status, Is.EqualTo(ConfigurationCheck.WouldStart));
        Assert.That(output, Does.EndWith(CDumpEnd
            + "\n       *****  Alert policy (port only)  *****\n"
            + " LimitWindow     0\n"
            + " HeartbeatClock  receive\n"
            + " HeartbeatSkew   60\n"));
        var start = Fixture.Start("statmgr.d");
        Assert.That(start.Log.Entries.Select(e => e.Text), Has.None.Contains("Alert policy"), "the startup dump in the log stays C's");
    }

    [Test]
    public void CheckPrintsTheRestartReminderAndFlapRulesAsStatmgrDAndEachDescriptorSetThem()
    {
        ConfigTexts.WriteMinimal(Fixture, "Remind 3600", "FlapLimit 3 1800");

        var (status, output) = RunCheck();

        Assert.That(status, Is.EqualTo(ConfigurationCheck.WouldStart));
        Assert.That(output, Does.EndWith(CDumpEnd
            + "\n       *****  Alert policy (port only)  *****\n"
            + " Remind 3600\n"
            + " FlapLimit 3 1800\n"
            + " statmgr: remind: 3600\n"
            + " statmgr: flapLimit: 3 1800\n"));
    }

    [Test]
    public void CheckPrintsNoAlertPolicySectionWithoutTheCommands()
    {
        ConfigTexts.WriteMinimal(Fixture);

        Assert.That(RunCheck().Output, Does.EndWith(CDumpEnd));
    }

    private (int Status, string Output) RunCheck()
    {
        var output = new StringWriter();
        int status = new ConfigurationCheck(output, Fixture.Environment, File.Exists, 99, _ => []).Run(ConfigPath);
        return (status, output.ToString());
    }
}
