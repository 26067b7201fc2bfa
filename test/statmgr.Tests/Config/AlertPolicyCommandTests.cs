using System.Globalization;
using Statmgr.Config;

namespace Statmgr.Tests.Config;

/// <summary>The alert policy commands in descriptors and statmgr.d: values, defaults, C-style errors.</summary>
public class AlertPolicyCommandTests : ConfigFixtureTests
{
    /// <summary>statmgr.d with <paramref name="configLines"/> from line 8 and Descriptor mod.desc after them.</summary>
    private void Write(string[] configLines, params string[] descLines)
    {
        ConfigTexts.WriteMinimal(Fixture, [.. configLines, "Descriptor " + DescPath]);
        Fixture.Write("mod.desc", ConfigTexts.Module("pick_ew", "MOD_PICK_EW", ["tsec: 30 page: 1 mail: 1", .. descLines]));
        Fixture.Write("mod.d", "HeartBeatInt 10\n");
    }

    private StatmgrConfig Load()
    {
        var outcome = Fixture.Start("statmgr.d");
        Assert.That(outcome.Exit, Is.Null, () => outcome.Exit!.Message);
        return outcome.Config;
    }

    private void AssertFatal(string text, string file, int line)
    {
        var outcome = Fixture.Start("statmgr.d");
        Assert.That(outcome.Exit?.ExitCode, Is.EqualTo(255));
        Assert.That(outcome.Exit!.Message, Is.EqualTo(text));
        Assert.That(Fixture.Check("statmgr.d").CheckLines, Does.Contain($"{file}:{line}: error: {text.TrimEnd('\n')}"));
    }

    [Test]
    public void WithoutTheCommandsEveryRuleIsOff()
    {
        Write([], "restartMe");
        var policy = Load().Descriptors[1].Policy;
        Assert.That((policy.Budget, policy.Backoff, policy.RemindSeconds, policy.Flap), Is.EqualTo(((RestartBudget?)null, (RestartBackoff?)null, (int?)null, (FlapLimit?)null)));
        Assert.That(policy.IsOff, Is.True);
    }

    [Test]
    public void DescriptorCommandsAreReadAndStatmgrDFillsTheRest()
    {
        Write(["RestartBudget  3 600", "RestartBackoff 10 300", "Remind 3600", "FlapLimit 5 1800"],
            "restartMe", "restartBudget: 2 120", "remind: 0");
        var config = Load();
        var pick = config.Descriptors[1].Policy;
        Assert.That(pick.Budget, Is.EqualTo(new RestartBudget(2, 120)));
        Assert.That(pick.Backoff, Is.EqualTo(new RestartBackoff(10, 300)));
        Assert.That(pick.RemindSeconds, Is.EqualTo(0), "the descriptor's 0 turns statmgr.d's default off");
        Assert.That(pick.Flap, Is.EqualTo(new FlapLimit(5, 1800)));
        var own = config.Descriptors[0].Policy;
        Assert.That((own.Budget, own.Backoff), Is.EqualTo(((RestartBudget?)null, (RestartBackoff?)null)), "no restartMe: no restart rules");
        Assert.That((own.RemindSeconds, own.Flap), Is.EqualTo(((int?)3600, (FlapLimit?)new FlapLimit(5, 1800))));
    }

    [Test]
    public void TheCommandLinesForTheDumpAreWrittenAsRead()
    {
        Write(["RestartBudget  3 600", "Remind 3600"], "restartMe", "restartBackoff: 10 300", "flapLimit: 0 0");
        var config = Load();
        Assert.That(config.PolicyDefaults.CommandLines(inDescriptor: false), Is.EqualTo(new[] { "RestartBudget 3 600", "Remind 3600" }));
        Assert.That(config.Descriptors[1].Policy.CommandLines(inDescriptor: true),
            Is.EqualTo(new[] { "restartBudget: 3 600", "restartBackoff: 10 300", "remind: 3600", "flapLimit: 0 0" }));
    }

    [Test]
    public void DefaultsAfterTheDescriptorLineApplyToo()
    {
        ConfigTexts.WriteMinimal(Fixture, "Descriptor " + DescPath, "RestartBackoff 5 60");
        Fixture.Write("mod.desc", ConfigTexts.Module("pick_ew", "MOD_PICK_EW", "tsec: 30 page: 1 mail: 1", "restartMe"));
        Fixture.Write("mod.d", "HeartBeatInt 10\n");
        Assert.That(Load().Descriptors[1].Policy.Backoff, Is.EqualTo(new RestartBackoff(5, 60)));
    }

    [TestCase("restartBudget: 2", "e", "statmgr: Bad <restartBudget:> command in descfile <{0}>; exiting.\n")]
    [TestCase("restartBudget: 2 0", "et", "statmgr: Invalid <restartBudget:> value <2 0> in descfile <{0}>; valid=0 (off), or N W: at most N (1 or more) restart requests in W (1 or more) seconds; exiting.\n")]
    [TestCase("restartBackoff: 30 10", "et", "statmgr: Invalid <restartBackoff:> value <30 10> in descfile <{0}>; valid=0 (off), or MIN MAX: a first delay of MIN (1 or more) seconds, doubling up to MAX (MIN or more) seconds; exiting.\n")]
    [TestCase("remind: soon", "e", "statmgr: Bad <remind:> command in descfile <{0}>; exiting.\n")]
    [TestCase("remind: -5", "et", "statmgr: Invalid <remind:> value <-5> in descfile <{0}>; valid=0 (off), or 1 or more seconds; exiting.\n")]
    [TestCase("flapLimit: -1 60", "et", "statmgr: Invalid <flapLimit:> value <-1 60> in descfile <{0}>; valid=0 (off), or K W: more than K (1 or more) returns to life in W (1 or more) seconds is flapping; exiting.\n")]
    public void BadDescriptorValuesAreFatal(string line, string flags, string format)
    {
        Write([], line);
        string text = string.Format(CultureInfo.InvariantCulture, format, DescPath);
        AssertFatal(text, DescPath, 5);
        Assert.That(Fixture.Start("statmgr.d").Log.Entries[^1], Is.EqualTo((flags, text)));
    }

    [TestCase("RestartBudget x 60", "statmgr: Bad <RestartBudget> command in <{0}>; exiting.\n")]
    [TestCase("RestartBackoff -1 5", "statmgr: Invalid <RestartBackoff> value <-1 5> in <{0}>; valid=0 (off), or MIN MAX: a first delay of MIN (1 or more) seconds, doubling up to MAX (MIN or more) seconds; exiting.\n")]
    [TestCase("Remind", "statmgr: Bad <Remind> command in <{0}>; exiting.\n")]
    [TestCase("FlapLimit 3 0", "statmgr: Invalid <FlapLimit> value <3 0> in <{0}>; valid=0 (off), or K W: more than K (1 or more) returns to life in W (1 or more) seconds is flapping; exiting.\n")]
    public void BadStatmgrDValuesAreFatal(string line, string format)
    {
        Write([line]);
        AssertFatal(string.Format(CultureInfo.InvariantCulture, format, ConfigPath), ConfigPath, 8);
    }
}
