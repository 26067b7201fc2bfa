using Statmgr.Earthworm.Transport;
using Statmgr.Tests.Config;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Cli;

/// <summary>
/// statmgr run as a process in a temporary EW_PARAMS (the working directory, as under startstop),
/// so that bare file names resolve as they do on a real Earthworm system.
/// </summary>
[Category(TestCategory.WholeProcess)]
public class WholeProcessTests : WholeProcessTestBase
{
    private static string Lines(string newline, params string[] lines) => string.Concat(lines.Select(l => l + newline));

    /// <summary>The start of the configuration dump of the sample statmgr.d variants below.</summary>
    private const string SampleDumpHead =
        "\n"
        + "       *****  Statmgr Configuration file  *****\n"
        + " RingName        STATUS_RING\n"
        + " heartbeatPageit 60\n"
        + " LogFile         1\n"
        + "System-wide pagegroups (1):\n"
        + " pagegroup       earthworm-ops\n";

    /// <summary>The descriptor part of that dump: statmgr.desc, then startstop.desc.</summary>
    private const string SampleDescriptorsDump =
        "\n"
        + "       *****  Descriptor Files  *****\n"
        + "---------------------------------------------------\n"
        + "# Descriptor file #1\n"
        + StatmgrDescDump
        + "# Descriptor file #2\n"
        + StartstopDescDump;

    private const string StatmgrDescDump =
        "# Module description:\n"
        + " modName    statmgr\n"
        + " modId      2\n"
        + " instId     2\n"
        + " system     samplehost\n"
        + "# Module-specific pagegroups (0):\n"
        + "# Module-specific email recipients (0):\n"
        + "# Heartbeat:\n"
        + " tsec: 0 page: 0 mail: 0\n"
        + "# Errors:\n"
        + " err: 0 nerr: 1 tsec: 0 page: 1 mail: 1\n"
        + " text: \"Program starting.\"\n"
        + " err: 1 nerr: 1 tsec: 0 page: 1 mail: 1\n"
        + " text: \"Program stopping.\"\n"
        + " err: 2 nerr: 1 tsec: 0 page: 0 mail: 0\n"
        + " text: \"Invalid module_id or instid received.\"\n"
        + " err: 3 nerr: 1 tsec: 0 page: 0 mail: 0\n"
        + " text: \"Error decoding ascii heartbeat or error.\"\n"
        + " err: 4 nerr: 1 tsec: 0 page: 0 mail: 5\n"
        + " text: \"Missed msg(s).\"\n"
        + " err: 5 nerr: 1 tsec: 0 page: 0 mail: 5\n"
        + " text: \"Msg too long for target.\"\n"
        + " err: 6 nerr: 1 tsec: 0 page: 0 mail: 5\n"
        + " text: \"Transport tracking limit exceeded.\"\n"
        + "---------------------------------------------------\n";

    private const string StartstopDescDump =
        "# Module description:\n"
        + " modName    startstop\n"
        + " modId      1\n"
        + " instId     2\n"
        + " system     samplehost\n"
        + "# Module-specific pagegroups (0):\n"
        + "# Module-specific email recipients (0):\n"
        + "# Heartbeat:\n"
        + " tsec: 60 page: 0 mail: 99\n"
        + "# Errors:\n"
        + " err: 1 nerr: 1 tsec: 0 page: 10 mail: 10\n"
        + " text: \"Failed to start child process\"\n"
        + "---------------------------------------------------\n";

    [Test]
    public void StockShapedConfigurationDumpsInCsLayout()
    {
        Fixture.Write("statmgr.desc", ConfigTexts.StatmgrDesc);
        Fixture.Write("startstop.desc", ConfigTexts.StartstopDesc);
        Fixture.Write("statmgr.d", Lines("\n",
            "#  statmgr configuration of a small site, in the stock layout",
            "MyModuleId  MOD_STATMGR",
            "RingName    STATUS_RING",
            "CheckAllRings\t0",
            "# Debug 1",
            "GetStatusFrom  ${EW_INST_ID}   MOD_WILDCARD   # heartbeats & errors",
            "LogFile   1",
            "heartbeatPageit  60",
            "pagegroup   earthworm-ops",
            "MailServer  mailserver.your.org",
            "mail  earthworm-ops@your.org",
            "MailProgram /usr/ucb/Mail",
            "#From username@thishost",
            "Subject \"This is an earthworm status message\"",
            "MsgPrefix \"((\"",
            "MsgSuffix \"))\"",
            "#DontReportUnknownModule 1",
            "Descriptor  statmgr.desc",
            "# Descriptor  adsend_a.desc        # Data source",
            "Descriptor  startstop.desc",
            "# Descriptor  pick_client.desc"));

        var outcome = RunStatmgr("--check", "statmgr.d");

        Assert.That(WithResolverReasonMasked(outcome.Stdout), Is.EqualTo(
            SampleDumpHead
            + "System-wide email recipients (1):\n"
            + " mail            earthworm-ops@your.org\n"
            + SampleDescriptorsDump
            + StockMailWarnings(10)));
        Assert.That(outcome.Stderr, Is.Empty);
        Assert.That(outcome.ExitCode, Is.EqualTo(0));
    }

    [Test]
    public void StressTestShapedConfigurationWithCrLfLinesDumpsInCsLayout()
    {
        Fixture.Write(EwParamsFixture.LocalFileName, EwParamsFixture.StandardLocal + " Module   MOD_MAKETRACE         8\n");
        Fixture.Write("statmgr.desc", ConfigTexts.StatmgrDesc.Replace("\n", "\r\n", StringComparison.Ordinal));
        Fixture.Write("startstop.desc", ConfigTexts.StartstopDesc.Replace("\n", "\r\n", StringComparison.Ordinal));
        Fixture.Write("maketrace.desc", Lines("\r\n",
            "#  maketrace: test-signal generator of the stress test",
            "modName  maketrace",
            "modId    MOD_MAKETRACE",
            "instId   ${EW_INST_ID}",
            "#  no tsec: line: the heartbeat rule comes from maketrace.d",
            "err: 0  nerr: 1  tsec: 0  page: 0  mail: 0",
            "text: \"Trace generation failed.\""));
        Fixture.Write("maketrace.d", Lines("\r\n", "MyModuleId MOD_MAKETRACE", "RingName WAVE_RING", "HeartBeatInt 10", "LogFile 1"));
        Fixture.Write("statmgr.d", Lines("\r\n",
            "#",
            "#  statmgr configuration of the stress test",
            "#",
            "MyModuleId  MOD_STATMGR",
            "RingName    STATUS_RING",
            "CheckAllRings\t0",
            "GetStatusFrom  ${EW_INST_ID}   MOD_WILDCARD   # heartbeats & errors",
            "LogFile   1",
            "heartbeatPageit  60",
            "pagegroup   earthworm-ops",
            "MailServer  mailserver.your.org",
            "#mail  earthworm-ops@your.org",
            "MailProgram /usr/ucb/Mail",
            "Subject \"This is an earthworm status message\"",
            "MsgPrefix \"((\"",
            "MsgSuffix \"))\"",
            "Descriptor  statmgr.desc",
            "Descriptor  startstop.desc",
            "",
            "Descriptor  maketrace.desc"));

        var outcome = RunStatmgr("--check", "statmgr.d");

        Assert.That(WithResolverReasonMasked(outcome.Stdout), Is.EqualTo(
            SampleDumpHead
            + "System-wide email recipients (0):\n"
            + SampleDescriptorsDump
            + "# Descriptor file #3\n"
            + "# Module description:\n"
            + " modName    maketrace\n"
            + " modId      8\n"
            + " instId     2\n"
            + " system     samplehost\n"
            + "# Module-specific pagegroups (0):\n"
            + "# Module-specific email recipients (0):\n"
            + "# Heartbeat:\n"
            + " tsec: 15 page: 0 mail: 0\n"
            + "# Errors:\n"
            + " err: 0 nerr: 1 tsec: 0 page: 0 mail: 0\n"
            + " text: \"Trace generation failed.\"\n"
            + "---------------------------------------------------\n"
            + StockMailWarnings(11)));
        Assert.That(outcome.ExitCode, Is.EqualTo(0));
    }

    /// <summary>
    /// The stock files name a mail host that does not resolve here and a Solaris mail program that
    /// MailServer overrides (two lines further down): --check warns about both after the dump, each
    /// at its own line (the resolver's reason varies).
    /// </summary>
    private static string StockMailWarnings(int mailServerLine) =>
        $"statmgr.d:{mailServerLine}: warning: statmgr: MailServer <mailserver.your.org> cannot be resolved: \u0001\n"
        + $"statmgr.d:{mailServerLine + 2}: warning: statmgr: MailProgram </usr/ucb/Mail> is ignored because MailServer is set\n";

    private static string WithResolverReasonMasked(string stdout) =>
        System.Text.RegularExpressions.Regex.Replace(stdout, "(cannot be resolved: )[^\n]*", "$1\u0001");

    [Test]
    public void RootSampleChecksWithoutWarnings()
    {
        var root = StatmgrProcess.RepositoryRoot;
        File.Copy(Path.Combine(root, "statmgr.d"), Fixture.PathOf("statmgr.d"));
        foreach (var file in Directory.GetFiles(Path.Combine(root, "desc")))
        {
            File.Copy(file, Fixture.PathOf(Path.GetFileName(file)), overwrite: true);
        }

        var outcome = RunStatmgr("--check", "statmgr.d");

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stdout);
        Assert.That(outcome.Stderr, Is.Empty);
        Assert.That(outcome.Stdout, Does.Not.Contain(": warning: ").And.Not.Contain(": error: "));
        Assert.That(outcome.Stdout, Does.StartWith("\n       *****  Statmgr Configuration file  *****\n RingName        STATUS_RING\n"));
        Assert.That(outcome.Stdout, Does.Contain("# Descriptor file #5\n"));
        // tankplayer.desc has no tsec: line; tankplayer.d says HeartBeatInt 30.
        Assert.That(outcome.Stdout, Does.Contain(" modName    tankplayer\n modId      4\n instId     2\n system     samplehost\n"
            + "# Module-specific pagegroups (0):\n# Module-specific email recipients (0):\n# Heartbeat:\n tsec: 45 page: 0 mail: 0\n"));
        Assert.That(outcome.Stdout, Does.EndWith("---------------------------------------------------\n"));
    }

    [Test]
    public void CheckReportsProblemsWithFileAndLineAndExitsOne()
    {
        Fixture.Write("statmgr.desc", ConfigTexts.StatmgrDesc);
        Fixture.Write("bad.desc", Lines("\n", "modName bad", "modId MOD_NOBODY", "instId ${EW_INST_ID}", "tsec: 30 page: 0 mail: 0"));
        Fixture.Write("bad.d", "HeartBeatInt 10\n");
        Fixture.Write("statmgr.d", Lines("\n",
            "MyModuleId MOD_STATMGR",
            "RingName NO_SUCH_RING",
            "GetStatusFrom ${EW_INST_ID} MOD_WILDCARD",
            "LogFile 1",
            "heartbeatPageit 60",
            "pagegroup ops",
            "Descriptor statmgr.desc",
            "Descriptor bad.desc",
            "Colour blue"));

        var outcome = RunStatmgr("--check", "statmgr.d");

        Assert.That(outcome.Stdout, Is.EqualTo(
            "statmgr.d:2: error: statmgr: Invalid ring name <NO_SUCH_RING>; exiting.\n"
            + "bad.desc:2: error: statmgr: Invalid modId name <MOD_NOBODY> in descfile <bad.desc>; exiting.\n"
            + "statmgr.d:9: warning: statmgr: <Colour> unknown command in <statmgr.d>.\n"));
        Assert.That(outcome.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void DescriptorPathTooShortForAModuleConfigIsReadSafely()
    {
        // C underflowed here and printed "FATAL, buffer overflow ..." (B18).
        Fixture.Write("statmgr.desc", ConfigTexts.StatmgrDesc);
        Fixture.Write("sd", ConfigTexts.Module("short", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0"));
        Fixture.Write("statmgr.d", ConfigTexts.Minimal(Fixture, "Descriptor sd"));

        var outcome = RunStatmgr("--check", "statmgr.d");

        Assert.That(outcome.ExitCode, Is.EqualTo(0));
        Assert.That(outcome.Stdout, Does.Contain(" modName    short\n"));
        Assert.That(outcome.Stdout, Does.EndWith(
            "statmgr.d:8: warning: statmgr: descriptor path <sd> is too short to name its .d file; no heartbeat interval read from it\n"));
    }

    [Test]
    public void CheckWritesNoLog()
    {
        var logs = Directory.CreateDirectory(Fixture.PathOf("logs")).FullName;
        ShellEnvironment["EW_LOG"] = logs;
        ConfigTexts.WriteMinimal(Fixture);

        var outcome = RunStatmgr("--check", "statmgr.d");

        Assert.That(outcome.ExitCode, Is.EqualTo(0));
        Assert.That(Directory.GetFileSystemEntries(logs), Is.Empty);
    }

    [Test]
    public void WrongArgumentCountPrintsCsUsageAndExits255()
    {
        var none = RunStatmgr();
        var two = RunStatmgr("statmgr.d", "extra.d");

        Assert.That(none.ExitCode, Is.EqualTo(255));
        Assert.That(none.Stderr, Is.EqualTo("Usage: statmgr <configfile>\nVersion: 2.0.14 - 2017-06-08\n"));
        Assert.That(none.Stdout, Is.Empty);
        Assert.That(two.ExitCode, Is.EqualTo(255));
        Assert.That(two.Stderr, Is.EqualTo("Usage: statmgr <configfile>\nVersion: 2.0.14 - 2017-06-08\n"));
    }

    [Test]
    public void StartLogsTheConfigurationAndEndsWithStatus1WhenTheRingIsMissing()
    {
        // The standard tables give STATUS_RING key 1050; this test needs it not to exist.
        Assume.That(SystemVRing.Exists(1050), Is.False, "a ring with key 1050 exists on this machine");
        var logs = Directory.CreateDirectory(Fixture.PathOf("logs")).FullName;
        ShellEnvironment["EW_LOG"] = logs;
        ConfigTexts.WriteMinimal(Fixture);
        Fixture.Write("statmgr.d", ConfigTexts.Minimal(Fixture).Replace(Fixture.PathOf("statmgr.desc"), "statmgr.desc", StringComparison.Ordinal));

        var outcome = RunStatmgr("statmgr.d");

        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        var logFiles = Directory.GetFiles(logs, "statmgr_*.log");
        Assert.That(logFiles, Has.Length.EqualTo(1));
        var log = File.ReadAllText(logFiles[0]);
        Assert.That(log, Does.Contain("statmgr: Read command file <statmgr.d>\n"));
        Assert.That(log, Does.Contain("_UTC_").And.Contain(" statmgr: startup of statmgr version: 2.0.14 - 2017-06-08\n"));
        Assert.That(log, Does.Contain("\n       *****  Statmgr Configuration file  *****\n RingName        STATUS_RING\n"));
        Assert.That(log, Does.Contain("---------------------------------------------------\n\n       *****  Start Message Log  *****\n"));
        const string last = "statmgr: transport ring STATUS_RING (key 1050) does not exist; startstop normally creates it from its Ring lines; exiting.\n";
        Assert.That(log, Does.EndWith(last));
        Assert.That(outcome.Stderr, Does.EndWith(last));
    }

    [Test]
    public void StartWithABadConfigurationLogsCsTextAndExits255()
    {
        var logs = Directory.CreateDirectory(Fixture.PathOf("logs")).FullName;
        ShellEnvironment["EW_LOG"] = logs;
        ConfigTexts.WriteMinimal(Fixture, "RingName NO_SUCH_RING");

        var outcome = RunStatmgr("statmgr.d");

        Assert.That(outcome.ExitCode, Is.EqualTo(255));
        const string text = "statmgr: Invalid ring name <NO_SUCH_RING>; exiting.\n";
        Assert.That(outcome.Stderr, Does.EndWith("GetKey: Invalid ring name <NO_SUCH_RING>\n" + text));
        Assert.That(File.ReadAllText(Directory.GetFiles(logs, "statmgr_*.log")[0]), Does.EndWith(text));
    }
}
