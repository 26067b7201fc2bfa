using Statmgr.Config;

namespace Statmgr.Tests.Config;

/// <summary>
/// The heartbeat interval from the module's .d file (its last HeartBeatInt-like line) and the tsec
/// rules built on it: 3/2 of it when the descriptor has no tsec line, +5 when it is not below a
/// monitored tsec (B4), none read for statmgr.desc and startstop.desc (B19).
/// </summary>
public class ModuleHeartbeatTests : ConfigFixtureTests
{
    private string ModuleConfig => Fixture.PathOf("mod.d");

    private StartupOutcome Load(string? tsecLine, string? moduleConfigText)
    {
        ConfigTexts.WriteMinimal(Fixture, "Descriptor " + DescPath);
        Fixture.Write("mod.desc", tsecLine is null
            ? ConfigTexts.Module("pick_ew", "MOD_PICK_EW")
            : ConfigTexts.Module("pick_ew", "MOD_PICK_EW", tsecLine));
        if (moduleConfigText is not null)
        {
            Fixture.Write("mod.d", moduleConfigText);
        }
        var outcome = Fixture.Start("statmgr.d");
        Assert.That(outcome.Exit, Is.Null, () => outcome.Exit!.Message);
        return outcome;
    }

    private static Descriptor Module(StartupOutcome outcome) => outcome.Config.Descriptors[1];

    [TestCase("HeartBeatInt")]
    [TestCase("HeartbeatInt")]
    [TestCase("HeartbeatSecs")]
    [TestCase("HeartbeatInterval")]
    [TestCase("HeartBeatInterval")]
    public void EachKeywordGivesTheIntervalAndTsecIsOneAndAHalfOfIt(string keyword)
    {
        var outcome = Load(null, $"MyModuleId MOD_PICK_EW\n{keyword}  15   # seconds\nLogFile 1\n");

        var desc = Module(outcome);
        Assert.That(desc.HeartbeatSendInterval, Is.EqualTo(15));
        Assert.That(desc.HeartbeatTsec, Is.EqualTo(22));
        Assert.That(desc.HeartbeatPage, Is.EqualTo(0));
        Assert.That(desc.HeartbeatMail, Is.EqualTo(0));
        Assert.That(outcome.Logged("t"), Is.EqualTo(new[]
        {
            $"Heartbeat setting for {Fixture.PathOf("statmgr.desc")}: send: -2 receive: 0\n",
            $"Heartbeat tsec not in <{DescPath}> but found in <{ModuleConfig}>, using 15 *3/2 = 22\n",
            $"Heartbeat setting for {DescPath}: send: 15 receive: 22\n",
            "statmgr: startup of statmgr version: 2.0.14 - 2017-06-08\n",
        }));
        Assert.That(outcome.Problems, Is.Empty);
    }

    [Test]
    public void TheLastKeywordLineWins()
    {
        var desc = Module(Load("tsec: 100 page: 0 mail: 0", "HeartBeatInt 10\nHeartbeatSecs 20\nHeartbeatInterval 30\n"));

        Assert.That(desc.HeartbeatSendInterval, Is.EqualTo(30));
        Assert.That(desc.HeartbeatTsec, Is.EqualTo(100));
    }

    [Test]
    public void KeywordsAreCaseSensitive()
    {
        var desc = Module(Load("tsec: 100 page: 0 mail: 0", "heartbeatint 10\nHEARTBEATINT 20\n"));

        Assert.That(desc.HeartbeatSendInterval, Is.EqualTo(-1));
    }

    [Test]
    public void NoKeywordGivesTheDefaultOf63()
    {
        var outcome = Load(null, "MyModuleId MOD_PICK_EW\n");

        Assert.That(Module(outcome).HeartbeatTsec, Is.EqualTo(63));
        Assert.That(outcome.Logged("t"), Does.Contain(
            $"Heartbeat tsec not in <{DescPath}> and can't find in <{ModuleConfig}>, using default 42 *3/2 = 63\n"));
        Assert.That(outcome.Logged("t"), Does.Contain($"Heartbeat setting for {DescPath}: send: -1 receive: 63\n"));
    }

    [Test]
    public void NonNumericIntervalReadsAsZeroWithoutError()
    {
        var outcome = Load(null, "HeartBeatInt often\n");

        Assert.That(Module(outcome).HeartbeatSendInterval, Is.EqualTo(0));
        Assert.That(Module(outcome).HeartbeatTsec, Is.EqualTo(63));
        Assert.That(outcome.Problems, Is.Empty);
    }

    [Test]
    public void MissingModuleConfigIsLoggedAndTheDescriptorTsecIsKept()
    {
        var outcome = Load("tsec: 30 page: 1 mail: 1", null);

        Assert.That(Module(outcome).HeartbeatSendInterval, Is.EqualTo(-2));
        Assert.That(Module(outcome).HeartbeatTsec, Is.EqualTo(30));
        Assert.That(outcome.Log.Entries, Does.Contain(("e", $".d file <{ModuleConfig}> for desc file <{DescPath}> doesn't exist\n")));
        Assert.That(outcome.Logged("t"), Does.Contain($"Heartbeat setting for {DescPath}: send: -2 receive: 30\n"));
        Assert.That(outcome.CheckLines, Is.EqualTo(new[]
        {
            $"{ConfigPath}:8: warning: .d file <{ModuleConfig}> for desc file <{DescPath}> doesn't exist",
        }));
    }

    [Test]
    public void MissingModuleConfigWithoutTsecGivesTheDefault()
    {
        var outcome = Load(null, null);

        Assert.That(Module(outcome).HeartbeatTsec, Is.EqualTo(63));
        Assert.That(outcome.Logged("t"), Does.Contain($"Heartbeat setting for {DescPath}: send: -2 receive: 63\n"));
    }

    [Test]
    public void IntervalAtOrAboveTsecAddsFiveWithCsWarning()
    {
        var outcome = Load("tsec: 20 page: 0 mail: 0", "HeartBeatInt 30\n");

        Assert.That(Module(outcome).HeartbeatTsec, Is.EqualTo(25));
        var warning = $"WARNING: Heartbeat in .d file <{ModuleConfig}> (30) is >= heartbeat (20) in .desc file <{DescPath}>, this will cause statmgr to restart unnecessarily. Setting receive tsec to 20+5\n";
        Assert.That(outcome.Log.Entries, Does.Contain(("e", warning)));
        Assert.That(outcome.Logged("t"), Does.Contain($"Heartbeat setting for {DescPath}: send: 30 receive: 25\n"));
        Assert.That(outcome.CheckLines, Is.EqualTo(new[] { $"{DescPath}:4: warning: {warning.TrimEnd('\n')}" }));
    }

    [Test]
    public void EqualIntervalAlsoAddsFive()
    {
        Assert.That(Module(Load("tsec: 30 page: 0 mail: 0", "HeartBeatInt 30\n")).HeartbeatTsec, Is.EqualTo(35));
    }

    [Test]
    public void DerivedTsecOfOneSecondGetsTheFiveToo()
    {
        // 1*3/2 = 1 is not above the interval, so C's +5 follows.
        Assert.That(Module(Load(null, "HeartBeatInt 1\n")).HeartbeatTsec, Is.EqualTo(6));
    }

    [Test]
    public void TsecAboveTheIntervalIsKept()
    {
        var outcome = Load("tsec: 60 page: 0 mail: 0", "HeartBeatInt 30\n");

        Assert.That(Module(outcome).HeartbeatTsec, Is.EqualTo(60));
        Assert.That(outcome.Problems, Is.Empty);
    }

    [Test]
    public void TsecZeroStaysUnmonitoredWhateverTheModuleConfigSays()
    {
        // B4: C turned this into a 5 s heartbeat.
        var outcome = Load("tsec: 0 page: 0 mail: 0", "HeartBeatInt 30\n");

        Assert.That(Module(outcome).HeartbeatTsec, Is.EqualTo(0));
        Assert.That(outcome.Problems, Is.Empty);
        Assert.That(outcome.Logged("t"), Does.Contain($"Heartbeat setting for {DescPath}: send: 30 receive: 0\n"));
    }

    [Test]
    public void NestedFileInModuleConfigIsSearched()
    {
        Fixture.Write("common.d", "HeartBeatInt 12\n");

        var desc = Module(Load(null, $"LogFile 1\n@{Fixture.PathOf("common.d")}\n"));

        Assert.That(desc.HeartbeatSendInterval, Is.EqualTo(12));
        Assert.That(desc.HeartbeatTsec, Is.EqualTo(18));
    }

    [Test]
    public void NestedFileInModuleConfigThatCannotBeOpenedIsFatal()
    {
        ConfigTexts.WriteMinimal(Fixture, "Descriptor " + DescPath);
        Fixture.Write("mod.desc", ConfigTexts.Module("pick_ew", "MOD_PICK_EW"));
        Fixture.Write("mod.d", "LogFile 1\n@absent.d\n");
        var text = "statmgr: Error opening command file <absent.d>; exiting.\n";

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Exit!.ExitCode, Is.EqualTo(255));
        Assert.That(outcome.Log.Entries[^1], Is.EqualTo(("e", text)));
        Assert.That(Fixture.Check("statmgr.d").CheckLines, Does.Contain($"{ModuleConfig}:2: error: {text.TrimEnd('\n')}"));
    }

    [Test]
    public void ModuleConfigIsReadAfterItsDescriptorIsClosed()
    {
        // statmgr.d -> n1 -> n2 -> n3 -> mod.desc is five open files; mod.desc is closed before
        // mod.d is opened, as in C, so mod.d still finds a slot.
        Fixture.Write("n1.d", $"@{Fixture.PathOf("n2.d")}\n");
        Fixture.Write("n2.d", $"@{Fixture.PathOf("n3.d")}\n");
        Fixture.Write("n3.d", $"Descriptor {DescPath}\n");
        ConfigTexts.WriteMinimal(Fixture, "@" + Fixture.PathOf("n1.d"));
        Fixture.Write("mod.desc", ConfigTexts.Module("pick_ew", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0"));
        Fixture.Write("mod.d", "HeartBeatInt 10\n");

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Exit, Is.Null);
        Assert.That(Module(outcome).HeartbeatSendInterval, Is.EqualTo(10));
    }

    [Test]
    public void DescriptorBeyondTheFiveOpenFilesCannotBeOpened()
    {
        Fixture.Write("n1.d", $"@{Fixture.PathOf("n2.d")}\n");
        Fixture.Write("n2.d", $"@{Fixture.PathOf("n3.d")}\n");
        Fixture.Write("n3.d", $"@{Fixture.PathOf("n4.d")}\n");
        Fixture.Write("n4.d", $"Descriptor {DescPath}\n");
        ConfigTexts.WriteMinimal(Fixture, "@" + Fixture.PathOf("n1.d"));
        Fixture.Write("mod.desc", ConfigTexts.Module("pick_ew", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0"));

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Exit!.Message, Is.EqualTo($"statmgr: Error opening descriptor file <{DescPath}>; exiting.\n"));
        Assert.That(Fixture.Check("statmgr.d").CheckLines, Is.EqualTo(new[]
        {
            $"{Fixture.PathOf("n4.d")}:1: error: statmgr: Error opening descriptor file <{DescPath}>; exiting.",
        }));
    }

    [TestCase("startstop.desc")]
    [TestCase("sub/statmgr.desc")]
    [TestCase("sub/startstop.desc")]
    public void StatmgrAndStartstopDescriptorsAreExemptByFileName(string name)
    {
        // B19: C exempted only the exact paths "statmgr.desc" and "startstop.desc".
        var (path, outcome) = StartWithStartstopDescriptorAs(name);

        var desc = outcome.Config.Descriptors[1];
        Assert.That(desc.HeartbeatSendInterval, Is.EqualTo(-2));
        Assert.That(desc.HeartbeatTsec, Is.EqualTo(63));
        Assert.That(outcome.Logged("t"), Does.Contain(
            $"Heartbeat tsec not in <{path}> and can't find in <{path[..^3]}>, using default 42 *3/2 = 63\n"));
    }

    [TestCase("mystatmgr.desc")]
    [TestCase("startstop.desc.old.desc")]
    [TestCase("startstop.desc/x.desc")]
    public void OtherNamesAreNotExempt(string name)
    {
        var desc = StartWithStartstopDescriptorAs(name).Outcome.Config.Descriptors[1];

        Assert.That(desc.HeartbeatSendInterval, Is.EqualTo(10));
        Assert.That(desc.HeartbeatTsec, Is.EqualTo(15));
    }

    /// <summary>startstop's descriptor written as <paramref name="name"/>, its .d file beside it (HeartBeatInt 10), and a start with it.</summary>
    private (string Path, StartupOutcome Outcome) StartWithStartstopDescriptorAs(string name)
    {
        var path = Fixture.Write(name, ConfigTexts.Module("startstop", "MOD_STARTSTOP"));
        Fixture.Write(name[..^3], "HeartBeatInt 10\n");
        ConfigTexts.WriteMinimal(Fixture, "Descriptor " + path);
        return (path, Fixture.Start("statmgr.d"));
    }

    [TestCase("statmgr.desc", true)]
    [TestCase("./statmgr.desc", true)]
    [TestCase("/opt/ew/params/startstop.desc", true)]
    [TestCase(@"C:\ew\params\startstop.desc", true)]
    [TestCase("Statmgr.desc", false)]
    [TestCase("pick_ew.desc", false)]
    [TestCase("", false)]
    public void ExemptionComparesTheFileName(string path, bool exempt)
    {
        Assert.That(DescriptorReader.IsExemptFromModuleConfig(path), Is.EqualTo(exempt));
    }
}
