using Statmgr.Config;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests.Config;

/// <summary>C's PrintCnf / PrintDf configuration dump in the log: labels and spacing byte for byte.</summary>
public class ConfigurationDumpTests
{
    private static StatmgrConfig SampleConfig()
    {
        var config = new StatmgrConfig
        {
            RingName = "STATUS_RING",
            HeartbeatPageit = 60,
            LogFile = 1,
            // None of these is printed.
            MailProgram = "/usr/ucb/Mail",
            CheckAllRings = 1,
            Debug = 2,
        };
        config.PageGroups.Add("earthworm-ops");
        config.PageGroups.Add("duty");
        config.MailRecipients.Add("ops@example.org");
        config.MailServers.Add("smtp.example.org");

        var own = new Descriptor { Path = "statmgr.desc", ModName = "statmgr", ModId = 2, InstId = 255, SysName = "myhost", RestartMe = true };
        own.Errors.Add(new ErrorRule(0, 1, 0, 1, 1, "Program starting."));
        own.Errors.Add(new ErrorRule(-4, 2, 30, -1, 5, ""));
        config.Descriptors.Add(own);

        var module = new Descriptor { Path = "pick_ew.desc", ModName = "pick_ew", ModId = 3, InstId = 2, SysName = "picker", HeartbeatTsec = 45, HeartbeatPage = 0, HeartbeatMail = -1 };
        module.PageGroups.Add("seismo");
        module.MailRecipients.Add("a@example.org");
        module.MailRecipients.Add("b@example.org");
        config.Descriptors.Add(module);
        return config;
    }

    private const string Expected =
        "\n"
        + "       *****  Statmgr Configuration file  *****\n"
        + " RingName        STATUS_RING\n"
        + " heartbeatPageit 60\n"
        + " LogFile         1\n"
        + "System-wide pagegroups (2):\n"
        + " pagegroup       earthworm-ops\n"
        + " pagegroup       duty\n"
        + "System-wide email recipients (1):\n"
        + " mail            ops@example.org\n"
        + "\n"
        + "       *****  Descriptor Files  *****\n"
        + "---------------------------------------------------\n"
        + "# Descriptor file #1\n"
        + "# Module description:\n"
        + " modName    statmgr\n"
        + " modId      2\n"
        + " instId     255\n"
        + " system     myhost\n"
        + "# Module-specific pagegroups (0):\n"
        + "# Module-specific email recipients (0):\n"
        + "# Heartbeat:\n"
        + " tsec: 0 page: 0 mail: 0\n"
        + "# Errors:\n"
        + " err: 0 nerr: 1 tsec: 0 page: 1 mail: 1\n"
        + " text: \"Program starting.\"\n"
        + " err: -4 nerr: 2 tsec: 30 page: -1 mail: 5\n"
        + " text: \"\"\n"
        + "---------------------------------------------------\n"
        + "# Descriptor file #2\n"
        + "# Module description:\n"
        + " modName    pick_ew\n"
        + " modId      3\n"
        + " instId     2\n"
        + " system     picker\n"
        + "# Module-specific pagegroups (1):\n"
        + " pagegroup  seismo\n"
        + "# Module-specific email recipients (2):\n"
        + " mail       a@example.org\n"
        + " mail       b@example.org\n"
        + "# Heartbeat:\n"
        + " tsec: 45 page: 0 mail: -1\n"
        + "# Errors:\n"
        + "---------------------------------------------------\n";

    [Test]
    public void FormatIsCsLayout()
    {
        Assert.That(ConfigurationDump.Format(SampleConfig()), Is.EqualTo(Expected));
    }

    [Test]
    public void WriteLogsOneDiskOnlyEntryPerCLine()
    {
        var log = new CollectingLogit();

        ConfigurationDump.Write(SampleConfig(), log);

        Assert.That(log.Text, Is.EqualTo(Expected));
        Assert.That(log.Entries.All(e => e.Flags.Length == 0), Is.True);
        Assert.That(log.Entries[0].Text, Is.EqualTo("\n       *****  Statmgr Configuration file  *****\n"));
        Assert.That(log.Entries[1].Text, Is.EqualTo(" RingName        STATUS_RING\n"));
        Assert.That(log.Entries, Has.Count.EqualTo(Expected.Count(c => c == '\n') - 2));
    }

    [Test]
    public void EmptyConfigurationStillPrintsTheHeadings()
    {
        Assert.That(ConfigurationDump.Format(new StatmgrConfig()), Is.EqualTo(
            "\n       *****  Statmgr Configuration file  *****\n"
            + " RingName        \n"
            + " heartbeatPageit 0\n"
            + " LogFile         0\n"
            + "System-wide pagegroups (0):\n"
            + "System-wide email recipients (0):\n"
            + "\n       *****  Descriptor Files  *****\n"
            + "---------------------------------------------------\n"));
    }
}
