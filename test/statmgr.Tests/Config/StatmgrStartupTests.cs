using Statmgr.Config;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Config;

/// <summary>C's startup from SYS_NAME to the own-descriptor check, in C's order: environment, tables, types, log lines, own descriptor.</summary>
public class StatmgrStartupTests : ConfigFixtureTests
{

    [SetUp]
    public void WriteMinimalConfiguration() => ConfigTexts.WriteMinimal(Fixture);

    private static void AssertFatal(StartupOutcome outcome, string text)
    {
        Assert.That(outcome.Exit, Is.Not.Null);
        Assert.That(outcome.Exit!.ExitCode, Is.EqualTo(255));
        Assert.That(outcome.Log.Entries[^1], Is.EqualTo(("e", text)));
    }

    [Test]
    public void ResultCarriesWhatTheMonitorNeeds()
    {
        var result = Fixture.Start("statmgr.d", processId: 777).Result!;

        Assert.That(result.Types, Is.EqualTo(new StatusMessageTypes(3, 2, 104, 107, 109, 113, 108)));
        Assert.That(result.LocalInstallation, Is.EqualTo(2));
        Assert.That(result.SystemName, Is.EqualTo("testhost"));
        Assert.That(result.ProcessId, Is.EqualTo(777));
        Assert.That(result.OwnDescriptorIndex, Is.EqualTo(0));
        Assert.That(result.Tables.GetKeyName(1050), Is.EqualTo("STATUS_RING"));
    }

    [Test]
    public void LogLinesAfterTheConfigurationAreCsInCsOrder()
    {
        var outcome = Fixture.Start("statmgr.d");

        var entries = outcome.Log.Entries;
        var read = entries.ToList().IndexOf(("", $"statmgr: Read command file <{ConfigPath}>\n"));
        Assert.That(read, Is.GreaterThan(0));
        Assert.That(entries[read + 1], Is.EqualTo(("t", "statmgr: startup of statmgr version: 2.0.14 - 2017-06-08\n")));
        Assert.That(entries[read + 2], Is.EqualTo(("", "\n       *****  Statmgr Configuration file  *****\n")));
        Assert.That(entries[^1], Is.EqualTo(("", "\n       *****  Start Message Log  *****\n")));
        var dump = string.Concat(entries.Skip(read + 2).SkipLast(1).Select(e => e.Text));
        Assert.That(dump, Is.EqualTo(ConfigurationDump.Format(outcome.Config)));
        Assert.That(entries.Skip(read + 2).SkipLast(1).All(e => e.Flags.Length == 0), Is.True);
    }

    [Test]
    public void LogFileValueIsAppliedBeforeTheDump()
    {
        ConfigTexts.WriteMinimal(Fixture, "LogFile 2");

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.LogFileSwitches, Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public void SysNameNotDefined()
    {
        Fixture.SetEnvironment("SYS_NAME", null);

        AssertFatal(Fixture.Start("statmgr.d"), "statmgr: Environment variable SYS_NAME not defined; exiting.\n");
        Assert.That(Fixture.Check("statmgr.d").CheckLines, Is.EqualTo(new[]
        {
            $"{ConfigPath}:0: error: statmgr: Environment variable SYS_NAME not defined; exiting.",
        }));
    }

    [Test]
    public void SysNameEmpty()
    {
        Fixture.SetEnvironment("SYS_NAME", "");

        AssertFatal(Fixture.Start("statmgr.d"), "statmgr: Environment variable SYS_NAME defined, but has no value; exiting.\n");
    }

    [Test]
    public void EwInstallationNotDefined()
    {
        Fixture.SetEnvironment("EW_INSTALLATION", null);

        var outcome = Fixture.Start("statmgr.d");

        AssertFatal(outcome, "statmgr: error getting local installation id; exiting.\n");
        Assert.That(outcome.Log.Entries[^2], Is.EqualTo(("e", "GetLocalInst: Environment variable EW_INSTALLATION not defined.\n")));
        Assert.That(Fixture.Check("statmgr.d").CheckLines, Is.EqualTo(new[]
        {
            $"{ConfigPath}:0: error: GetLocalInst: Environment variable EW_INSTALLATION not defined.",
            $"{ConfigPath}:0: error: statmgr: error getting local installation id; exiting.",
        }));
    }

    [Test]
    public void EwInstallationUnknown()
    {
        Fixture.SetEnvironment("EW_INSTALLATION", "INST_NOWHERE");

        var outcome = Fixture.Start("statmgr.d");

        AssertFatal(outcome, "statmgr: error getting local installation id; exiting.\n");
        Assert.That(outcome.Log.Entries[^2], Is.EqualTo(("e", "GetLocalInst: Environment variable EW_INSTALLATION has invalid value <INST_NOWHERE>\n")));
    }

    [Test]
    public void EwParamsNotDefinedEndsStartupInGetutil()
    {
        Fixture.SetEnvironment("EW_PARAMS", null);

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Exit!.ExitCode, Is.EqualTo(255));
        Assert.That(outcome.Exit.Message, Does.StartWith("GetUtil_LoadTable: Environment variable EW_PARAMS not defined!"));
        var check = Fixture.Check("statmgr.d");
        Assert.That(check.Result, Is.Null);
        Assert.That(check.CheckLines, Is.EqualTo(new[] { $"{ConfigPath}:0: error: {outcome.Exit.Message.TrimEnd('\n')}" }));
    }

    [TestCase("TYPE_HEARTBEAT")]
    [TestCase("TYPE_ERROR")]
    [TestCase("TYPE_PAGE")]
    [TestCase("TYPE_RESTART")]
    [TestCase("TYPE_STATUS")]
    [TestCase("TYPE_STOP")]
    [TestCase("TYPE_REQSTATUS")]
    public void EveryMessageTypeMustResolve(string type)
    {
        var global = string.Concat(EwParamsFixture.StandardGlobal.Split('\n').Where(l => !l.Contains(" " + type + " ")).Select(l => l + "\n"));
        var local = string.Concat(EwParamsFixture.StandardLocal.Split('\n').Where(l => !l.Contains(" " + type + " ")).Select(l => l + "\n"));
        Fixture.Write(EwParamsFixture.GlobalFileName, global);
        Fixture.Write(EwParamsFixture.LocalFileName, local);
        var text = $"statmgr: Can't resolve the needed <{type}> from earthworm.d or earthworm_global.d; Make sure this type is there. Exiting.\n";

        AssertFatal(Fixture.Start("statmgr.d"), text);
        Assert.That(Fixture.Check("statmgr.d").CheckLines, Is.EqualTo(new[] { $"{ConfigPath}:0: error: {text.TrimEnd('\n')}" }));
    }

    [Test]
    public void FirstMissingTypeStopsARealStartAndCheckReportsThemAll()
    {
        Fixture.Write(EwParamsFixture.LocalFileName, EwParamsFixture.StandardLocal
            .Replace(" Message  TYPE_PAGE           104   # pager request to statmgr\n", "", StringComparison.Ordinal)
            .Replace(" Message  TYPE_STOP           113   # a module was stopped on purpose\n", "", StringComparison.Ordinal));

        AssertFatal(Fixture.Start("statmgr.d"),
            "statmgr: Can't resolve the needed <TYPE_PAGE> from earthworm.d or earthworm_global.d; Make sure this type is there. Exiting.\n");
        Assert.That(Fixture.Check("statmgr.d").CheckLines, Has.Count.EqualTo(2));
    }

    [Test]
    public void ProcessIdMinusOne()
    {
        AssertFatal(Fixture.Start("statmgr.d", processId: -1), "statmgr: Can't get my pid; exiting.\n");
    }

    [Test]
    public void OwnDescriptorNotLoaded()
    {
        Fixture.Write("startstop.desc", ConfigTexts.StartstopDesc);
        Fixture.Write("statmgr.d", ConfigTexts.Minimal(Fixture).Replace("statmgr.desc", "startstop.desc", StringComparison.Ordinal));

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Exit!.ExitCode, Is.EqualTo(255));
        Assert.That(outcome.Log.Entries.TakeLast(2), Is.EqualTo(new[]
        {
            ("et", "statmgr: Descriptor file of statmgr not loaded; or\n"),
            ("e", "\tEW_INSTALLATION and instId in statmgr.desc don't match.\n"),
        }));
        // The dump and start line come first, as in C.
        Assert.That(outcome.Log.Entries[^3], Is.EqualTo(("", "\n       *****  Start Message Log  *****\n")));
        Assert.That(Fixture.Check("statmgr.d").CheckLines, Is.EqualTo(new[]
        {
            $"{ConfigPath}:0: error: statmgr: Descriptor file of statmgr not loaded; or EW_INSTALLATION and instId in statmgr.desc don't match.",
        }));
    }

    [Test]
    public void OwnDescriptorOfAnotherInstallation()
    {
        Fixture.Write("statmgr.desc", ConfigTexts.StatmgrDesc.Replace("${EW_INST_ID}", "INST_UNKNOWN", StringComparison.Ordinal));

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Exit!.Message, Is.EqualTo(
            "statmgr: Descriptor file of statmgr not loaded; or\n\tEW_INSTALLATION and instId in statmgr.desc don't match.\n"));
    }

    [Test]
    public void OwnDescriptorIsTheFirstMatch()
    {
        var config = new StatmgrConfig { MyModuleId = 2 };
        config.Descriptors.Add(new Descriptor { Path = "a", ModId = 2, InstId = 9 });
        config.Descriptors.Add(new Descriptor { Path = "b", ModId = 2, InstId = 2 });
        config.Descriptors.Add(new Descriptor { Path = "c", ModId = 2, InstId = 2 });

        Assert.That(StatmgrStartup.FindOwnDescriptor(config, 2), Is.EqualTo(1));
        Assert.That(StatmgrStartup.FindOwnDescriptor(config, 3), Is.EqualTo(-1));
    }

    [Test]
    public void UnresolvedVariableIsAKomWarning()
    {
        ConfigTexts.WriteMinimal(Fixture, "Subject ${NO_SUCH_VARIABLE}");

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Exit, Is.Null);
        Assert.That(outcome.Config.Subject, Is.EqualTo("${NO_SUCH_VARIABLE}"));
        Assert.That(outcome.Log.Entries, Does.Contain(("et",
            "warning: skipping variable expansion for the following line (env var match not found):\nSubject ${NO_SUCH_VARIABLE}\n")));
        Assert.That(Fixture.Check("statmgr.d").CheckLines, Is.EqualTo(new[]
        {
            $"{ConfigPath}:8: warning: skipping variable expansion (env var match not found): Subject ${{NO_SUCH_VARIABLE}}",
        }));
    }

    [Test]
    public void TableFileWarningsAreReportedByCheck()
    {
        Fixture.Write(EwParamsFixture.LocalFileName, EwParamsFixture.StandardLocal + "Moduel MOD_TYPO 9\n");

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Exit, Is.Null);
        var localPath = Fixture.PathOf(EwParamsFixture.LocalFileName);
        Assert.That(Fixture.Check("statmgr.d").CheckLines, Is.EqualTo(new[]
        {
            $"{localPath}:21: warning: GetUtil_LoadTable: <Moduel> Unknown command in <{localPath}>.",
        }));
    }
}
