using Statmgr.Config;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Tests.Config;

public class StatmgrConfigReaderTests : ConfigFixtureTests
{

    [Test]
    public void MinimalConfigurationLoads()
    {
        ConfigTexts.WriteMinimal(Fixture);

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Exit, Is.Null);
        Assert.That(outcome.Problems, Is.Empty);
        var config = outcome.Config;
        Assert.That(config.ConfigPath, Is.EqualTo(ConfigPath));
        Assert.That(config.MyModuleIdName, Is.EqualTo("MOD_STATMGR"));
        Assert.That(config.MyModuleId, Is.EqualTo(2));
        Assert.That(config.RingName, Is.EqualTo("STATUS_RING"));
        Assert.That(config.RingKey, Is.EqualTo(1050));
        Assert.That(config.LogFile, Is.EqualTo(1));
        Assert.That(config.HeartbeatPageit, Is.EqualTo(60));
        Assert.That(config.PageGroups, Is.EqualTo(new[] { "earthworm-ops" }));
        Assert.That(config.MailRecipients, Is.Empty);
        Assert.That(config.StatusSources, Is.EqualTo(new[] { new StatusSource("INST_MENLO", 2, "MOD_WILDCARD", 0) }));
        Assert.That(config.Descriptors, Has.Count.EqualTo(1));
        Assert.That(outcome.Result!.OwnDescriptorIndex, Is.EqualTo(0));
    }

    [Test]
    public void OptionalCommandsHaveCsDefaults()
    {
        ConfigTexts.WriteMinimal(Fixture);

        var config = Fixture.Start("statmgr.d").Config;

        Assert.That(config.Subject, Is.EqualTo("Earthworm Status Message"));
        Assert.That(config.MailServers, Is.Empty);
        Assert.That(config.MailProgram, Is.Null);
        Assert.That(config.From, Is.Null);
        Assert.That(config.MsgPrefix, Is.Null);
        Assert.That(config.MsgSuffix, Is.Null);
        Assert.That(config.CheckAllRings, Is.EqualTo(0));
        Assert.That(config.DontReportUnknownModule, Is.EqualTo(0));
        Assert.That(config.Debug, Is.EqualTo(0));
        Assert.That(config.LegacyMailRouting, Is.False);
        Assert.That(config.SmtpSecurity, Is.EqualTo(SmtpSecurityMode.Auto));
        Assert.That(config.SmtpUser, Is.Null);
        Assert.That(config.SmtpPasswordFile, Is.Null);
        Assert.That(config.SmtpTimeoutSeconds, Is.EqualTo(StatmgrConfig.DefaultSmtpTimeoutSeconds).And.EqualTo(30));
        Assert.That(config.SmtpCaFile, Is.Null);
        Assert.That(config.RingLayout, Is.EqualTo(RingLayoutChoice.Auto));
        Assert.That(config.PageMaxBytes, Is.EqualTo(StatmgrConfig.DefaultPageMaxBytes).And.EqualTo(249));
    }

    [Test]
    public void OptionalCommandsAreRead()
    {
        ConfigTexts.WriteMinimal(Fixture,
            "mail            ops@example.org",
            "mail            \"second@example.org\"",
            "MailServer      smtp1.example.org",
            "MailServer      smtp2.example.org:2525",
            "From            statmgr@example.org",
            "Subject         \"EW status\"",
            "Subject         \"Last subject wins\"",
            "MsgPrefix       \"((\"",
            "MsgSuffix       \"))\"",
            "CheckAllRings   1",
            "DontReportUnknownModule 1",
            "Debug           2",
            "LegacyMailRouting 1",
            "SmtpSecurity    starttls",
            "SmtpUser        ewuser",
            "SmtpPasswordFile /etc/ew/smtp.pw",
            "SmtpTimeout     45",
            "SmtpCaFile      /etc/ew/ca.pem",
            "RingLayout      ilp32",
            "PageMaxBytes    120");

        var outcome = Fixture.Start("statmgr.d");
        var config = outcome.Config;

        Assert.That(outcome.Problems, Is.Empty);
        Assert.That(config.MailRecipients, Is.EqualTo(new[] { "ops@example.org", "second@example.org" }));
        Assert.That(config.MailServers, Is.EqualTo(new[] { "smtp1.example.org", "smtp2.example.org:2525" }));
        Assert.That(config.From, Is.EqualTo("statmgr@example.org"));
        Assert.That(config.Subject, Is.EqualTo("Last subject wins"));
        Assert.That(config.MsgPrefix, Is.EqualTo("(("));
        Assert.That(config.MsgSuffix, Is.EqualTo("))"));
        Assert.That(config.CheckAllRings, Is.EqualTo(1));
        Assert.That(config.DontReportUnknownModule, Is.EqualTo(1));
        Assert.That(config.Debug, Is.EqualTo(2));
        Assert.That(config.LegacyMailRouting, Is.True);
        Assert.That(config.SmtpSecurity, Is.EqualTo(SmtpSecurityMode.StartTls));
        Assert.That(config.SmtpUser, Is.EqualTo("ewuser"));
        Assert.That(config.SmtpPasswordFile, Is.EqualTo("/etc/ew/smtp.pw"));
        Assert.That(config.SmtpTimeoutSeconds, Is.EqualTo(45));
        Assert.That(config.SmtpCaFile, Is.EqualTo("/etc/ew/ca.pem"));
        Assert.That(config.RingLayout, Is.EqualTo(RingLayoutChoice.Ilp32));
        Assert.That(config.PageMaxBytes, Is.EqualTo(120));
    }

    [Test]
    public void MailProgramLastOneWins()
    {
        ConfigTexts.WriteMinimal(Fixture, "MailProgram /usr/bin/mail", "MailProgram /usr/ucb/Mail");

        Assert.That(Fixture.Start("statmgr.d").Config.MailProgram, Is.EqualTo("/usr/ucb/Mail"));
    }

    [TestCase("auto", nameof(SmtpSecurityMode.Auto))]
    [TestCase("none", nameof(SmtpSecurityMode.None))]
    [TestCase("starttls", nameof(SmtpSecurityMode.StartTls))]
    [TestCase("ssl", nameof(SmtpSecurityMode.Ssl))]
    [TestCase("SSL", nameof(SmtpSecurityMode.Ssl))]
    public void SmtpSecurityValues(string value, string expected)
    {
        ConfigTexts.WriteMinimal(Fixture, "SmtpSecurity " + value);

        Assert.That(Fixture.Start("statmgr.d").Config.SmtpSecurity, Is.EqualTo(Enum.Parse<SmtpSecurityMode>(expected)));
    }

    [TestCase("auto", nameof(RingLayoutChoice.Auto))]
    [TestCase("lp64", nameof(RingLayoutChoice.Lp64))]
    [TestCase("ilp32", nameof(RingLayoutChoice.Ilp32))]
    public void RingLayoutValues(string value, string expected)
    {
        ConfigTexts.WriteMinimal(Fixture, "RingLayout " + value);

        Assert.That(Fixture.Start("statmgr.d").Config.RingLayout, Is.EqualTo(Enum.Parse<RingLayoutChoice>(expected)));
    }

    [Test]
    public void NestedCommandFileIsRead()
    {
        Fixture.Write("mail.d", "mail nested@example.org\n");
        ConfigTexts.WriteMinimal(Fixture, "@" + Fixture.PathOf("mail.d"), "mail after@example.org");

        var config = Fixture.Start("statmgr.d").Config;

        Assert.That(config.MailRecipients, Is.EqualTo(new[] { "nested@example.org", "after@example.org" }));
    }

    [Test]
    public void CommandsAreCaseSensitiveAndUnknownOnesOnlyWarn()
    {
        ConfigTexts.WriteMinimal(Fixture, "ringname WAVE_RING", "Heartbeatpageit 5");

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Exit, Is.Null);
        Assert.That(outcome.Config.RingName, Is.EqualTo("STATUS_RING"));
        Assert.That(outcome.Logged("e"), Is.EqualTo(new[]
        {
            $"statmgr: <ringname> unknown command in <{ConfigPath}>.\n",
            $"statmgr: <Heartbeatpageit> unknown command in <{ConfigPath}>.\n",
        }));
        Assert.That(outcome.CheckLines, Is.EqualTo(new[]
        {
            $"{ConfigPath}:8: warning: statmgr: <ringname> unknown command in <{ConfigPath}>.",
            $"{ConfigPath}:9: warning: statmgr: <Heartbeatpageit> unknown command in <{ConfigPath}>.",
        }));
    }

    [Test]
    public void TrailingCommentsAndBlankLinesAreIgnored()
    {
        Fixture.Write("statmgr.desc", ConfigTexts.StatmgrDesc);
        Fixture.Write("statmgr.d",
            "\n   # indented comment\n#comment\n"
            + "MyModuleId MOD_STATMGR # me\n"
            + "RingName\tSTATUS_RING\t# tab separated\n"
            + "GetStatusFrom INST_WILDCARD MOD_WILDCARD\n"
            + "LogFile 2 # disk only\n"
            + "heartbeatPageit 30 extra words\n"
            + "pagegroup ops # group\n"
            + $"Descriptor {Fixture.PathOf("statmgr.desc")} # mine\n");

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Problems, Is.Empty);
        Assert.That(outcome.Config.LogFile, Is.EqualTo(2));
        Assert.That(outcome.Config.HeartbeatPageit, Is.EqualTo(30));
        Assert.That(outcome.Config.PageGroups, Is.EqualTo(new[] { "ops" }));
    }

    // ----- fatal errors: C's text in the log (flag e), exit 255; --check: file:line: error: text

    private void AssertFatal(StartupOutcome outcome, string text, string flags = "e")
    {
        Assert.That(outcome.Exit, Is.Not.Null);
        Assert.That(outcome.Exit!.ExitCode, Is.EqualTo(255));
        Assert.That(outcome.Exit.Message, Is.EqualTo(text));
        Assert.That(outcome.Log.Entries[^1], Is.EqualTo((flags, text)));
    }

    private void AssertFatalAtLine(int line, string text, string flags = "e", string? file = null)
    {
        AssertFatal(Fixture.Start("statmgr.d"), text, flags);
        var check = Fixture.Check("statmgr.d");
        Assert.That(check.CheckLines, Does.Contain($"{file ?? ConfigPath}:{line}: error: {text.TrimEnd('\n')}"));
    }

    [Test]
    public void CommandFileThatCannotBeOpened()
    {
        var outcome = Fixture.Start("statmgr.d");

        AssertFatal(outcome, $"statmgr: Error opening command file <{ConfigPath}>; exiting.\n");
        Assert.That(Fixture.Check("statmgr.d").CheckLines, Is.EqualTo(new[]
        {
            $"{ConfigPath}:0: error: statmgr: Error opening command file <{ConfigPath}>; exiting.",
        }));
    }

    [TestCase("@nowhere.d", "statmgr: Error opening command file <nowhere.d>; exiting.\n")]
    [TestCase("RingName PICK_RING", "statmgr: Invalid ring name <PICK_RING>; exiting.\n")]
    [TestCase("MyModuleId MOD_NOBODY", "statmgr: Invalid MyModuleId <MOD_NOBODY> in <{config}>; exiting.\n")]
    [TestCase("GetStatusFrom INST_NOWHERE MOD_WILDCARD", "statmgr: Invalid installation name <INST_NOWHERE> in <GetStatusFrom> cmd; exiting.\n")]
    [TestCase("GetStatusFrom INST_MENLO MOD_NOBODY", "statmgr: Invalid module name <MOD_NOBODY> in <GetStatusFrom> cmd; exiting.\n")]
    public void BadLineEndsStartupAtItsLine(string line, string message)
    {
        ConfigTexts.WriteMinimal(Fixture, line);

        AssertFatalAtLine(8, message.Replace("{config}", ConfigPath, StringComparison.Ordinal));
    }

    [TestCase("RingName")]
    [TestCase("MyModuleId")]
    [TestCase("GetStatusFrom")]
    [TestCase("GetStatusFrom INST_MENLO")]
    [TestCase("Descriptor")]
    [TestCase("LogFile")]
    [TestCase("LogFile one")]
    [TestCase("heartbeatPageit")]
    [TestCase("heartbeatPageit x")]
    [TestCase("MailServer")]
    [TestCase("MailProgram")]
    [TestCase("From")]
    [TestCase("Subject")]
    [TestCase("Subject \"unterminated")]
    [TestCase("MsgPrefix")]
    [TestCase("MsgSuffix")]
    [TestCase("CheckAllRings")]
    [TestCase("DontReportUnknownModule")]
    [TestCase("Debug")]
    [TestCase("LegacyMailRouting")]
    [TestCase("SmtpSecurity")]
    [TestCase("SmtpUser")]
    [TestCase("SmtpPasswordFile")]
    [TestCase("SmtpTimeout")]
    [TestCase("SmtpCaFile")]
    [TestCase("RingLayout")]
    [TestCase("PageMaxBytes")]
    [TestCase("StatusListen")]
    public void MissingOrBadArgumentIsBadCommand(string line)
    {
        ConfigTexts.WriteMinimal(Fixture, line);
        var command = line.Split(' ')[0];

        AssertFatalAtLine(8, $"statmgr: Bad <{command}> command in <{ConfigPath}>; exiting.\n");
    }

    [TestCase("pagegroup", 9)]
    [TestCase("mail", 10)]
    public void TenRecipientsLoadAndAnEleventhIsFatal(string command, int extra)
    {
        // statmgr.d of ConfigTexts.Minimal has one pagegroup already, on line 6.
        var lines = Enumerable.Range(1, extra).Select(i => $"{command} r{i}").ToArray();
        ConfigTexts.WriteMinimal(Fixture, lines);
        var config = Fixture.Start("statmgr.d").Config;
        Assert.That(command == "mail" ? config.MailRecipients : config.PageGroups, Has.Count.EqualTo(10));

        ConfigTexts.WriteMinimal(Fixture, lines.Append($"{command} r11").ToArray());
        AssertFatalAtLine(8 + extra, $"statmgr: Too many <{command}> commands in <{ConfigPath}>; max=10; exiting.\n");
    }

    [TestCase("pagegroup")]
    [TestCase("mail")]
    public void RecipientOf59CharactersLoadsAnd60IsFatal(string command)
    {
        var ok = new string('a', 59);
        ConfigTexts.WriteMinimal(Fixture, $"{command} {ok}");
        var config = Fixture.Start("statmgr.d").Config;
        Assert.That(command == "mail" ? config.MailRecipients : config.PageGroups, Does.Contain(ok));

        ConfigTexts.WriteMinimal(Fixture, $"{command} {ok}b");
        AssertFatalAtLine(8,
            $"statmgr: Invalid length=60 for <{command}> argument in <{ConfigPath}>; valid=1-59; exiting.\n");
    }

    [TestCase("pagegroup")]
    [TestCase("mail")]
    public void EmptyRecipientIsInvalidLength(string command)
    {
        ConfigTexts.WriteMinimal(Fixture, $"{command} \"\"");

        AssertFatalAtLine(8, $"statmgr: Invalid length=0 for <{command}> argument in <{ConfigPath}>; valid=1-59; exiting.\n");
    }

    [Test]
    public void AMailRecipientStartingWithADashIsFatalSoItCanNeverBeAnOption()
    {
        ConfigTexts.WriteMinimal(Fixture, "pagegroup -night", "mail -oQ/tmp/x");

        AssertFatalAtLine(9,
            $"statmgr: Invalid <mail> argument <-oQ/tmp/x> in <{ConfigPath}>; an address may not begin with '-'; exiting.\n", "et");
    }

    [TestCase("pagegroup")]
    [TestCase("mail")]
    public void RecipientWithoutArgument(string command)
    {
        ConfigTexts.WriteMinimal(Fixture, command);

        AssertFatalAtLine(8, $"statmgr: No argument for <{command}> command in <{ConfigPath}>; exiting.\n");
    }

    [Test]
    public void TwoHundredDescriptorsLoadAndTheNextIsFatal()
    {
        Fixture.Write("m.desc", ConfigTexts.Module("module", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0"));
        Fixture.Write("m.d", "HeartBeatInt 10\n");
        var lines = Enumerable.Repeat($"Descriptor {Fixture.PathOf("m.desc")}", 199).ToArray();
        ConfigTexts.WriteMinimal(Fixture, lines);

        var outcome = Fixture.Start("statmgr.d");
        Assert.That(outcome.Exit, Is.Null);
        Assert.That(outcome.Config.Descriptors, Has.Count.EqualTo(200));

        ConfigTexts.WriteMinimal(Fixture, lines.Append(lines[0]).ToArray());
        AssertFatalAtLine(207, $"statmgr: Too many <Descriptor> commands in <{ConfigPath}>; max=200; exiting.\n");
    }

    [Test]
    public void DescriptorPathOf63CharactersLoadsAnd64IsFatal()
    {
        var prefix = Fixture.Directory + "/";
        var name63 = new string('d', 63 - prefix.Length - ".desc".Length) + ".desc";
        var path63 = Fixture.Write(name63, ConfigTexts.Module("module", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0"));
        Assert.That(path63, Has.Length.EqualTo(63));
        Fixture.Write(name63[..^5] + ".d", "HeartBeatInt 10\n");
        ConfigTexts.WriteMinimal(Fixture, "Descriptor " + path63);
        Assert.That(Fixture.Start("statmgr.d").Config.Descriptors, Has.Count.EqualTo(2));

        var path64 = Fixture.Write("d" + name63, ConfigTexts.Module("module", "MOD_PICK_EW"));
        ConfigTexts.WriteMinimal(Fixture, "Descriptor " + path64);
        AssertFatalAtLine(8, $"statmgr: <Descriptor> {path64} length in <{ConfigPath}> too long; max=63; exiting.\n");
    }

    [Test]
    public void SixtyFourGetStatusFromLinesLoadAndTheNextIsFatal()
    {
        // B9: C accepted one line (and said max=2).
        var lines = Enumerable.Range(0, 63).Select(i => i % 2 == 0 ? "GetStatusFrom INST_WILDCARD MOD_PICK_EW" : "GetStatusFrom INST_MENLO MOD_TANKPLAYER").ToArray();
        ConfigTexts.WriteMinimal(Fixture, lines);
        var config = Fixture.Start("statmgr.d").Config;
        Assert.That(config.StatusSources, Has.Count.EqualTo(64));
        Assert.That(config.StatusSources[1], Is.EqualTo(new StatusSource("INST_WILDCARD", 0, "MOD_PICK_EW", 3)));
        Assert.That(config.StatusSources[2], Is.EqualTo(new StatusSource("INST_MENLO", 2, "MOD_TANKPLAYER", 4)));

        ConfigTexts.WriteMinimal(Fixture, lines.Append(lines[0]).ToArray());
        AssertFatalAtLine(71, $"statmgr: Too many <GetStatusFrom> commands in <{ConfigPath}>; max=64; exiting.\n", "et");
    }

    [Test]
    public void TenMailServersAreKeptAndAnEleventhIsIgnoredWithCsWarning()
    {
        var lines = Enumerable.Range(1, 11).Select(i => $"MailServer smtp{i}.example.org").ToArray();
        ConfigTexts.WriteMinimal(Fixture, lines);

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Exit, Is.Null);
        Assert.That(outcome.Config.MailServers, Has.Count.EqualTo(10));
        Assert.That(outcome.Config.MailServers[^1], Is.EqualTo("smtp10.example.org"));
        Assert.That(outcome.Logged("w"), Is.EqualTo(new[]
        {
            "statmgr: maximum of 10 mail servers allowed; 'smtp11.example.org' ignored\n",
        }));
        Assert.That(outcome.CheckLines, Is.EqualTo(new[]
        {
            $"{ConfigPath}:18: warning: statmgr: maximum of 10 mail servers allowed; 'smtp11.example.org' ignored",
        }));
    }

    [Test]
    public void EveryRequiredCommandMissing()
    {
        Fixture.Write("statmgr.d", "# nothing but a comment\nCheckAllRings 0\n");

        AssertFatalAtLine(2,
            "statmgr: ERROR, no <RingName> <heartbeatPageit> <pagegroup> <LogFile> <Descriptor> <MyModuleId> <GetStatusFrom> command(s) in <"
            + ConfigPath + ">; exiting.\n");
    }

    [TestCase("RingName", "<RingName> ")]
    [TestCase("heartbeatPageit", "<heartbeatPageit> ")]
    [TestCase("pagegroup", "<pagegroup> ")]
    [TestCase("LogFile", "<LogFile> ")]
    [TestCase("GetStatusFrom", "<GetStatusFrom> ")]
    public void OneRequiredCommandMissing(string command, string label)
    {
        var text = ConfigTexts.Minimal(Fixture);
        Fixture.Write("statmgr.desc", ConfigTexts.StatmgrDesc);
        Fixture.Write("statmgr.d", string.Concat(text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith(command + " ", StringComparison.Ordinal)).Select(l => l + "\n")));

        AssertFatalAtLine(6, $"statmgr: ERROR, no {label}command(s) in <{ConfigPath}>; exiting.\n");
    }

    [TestCase("SmtpSecurity tls", "statmgr: Invalid <SmtpSecurity> value <tls> in <{0}>; valid=auto, none, starttls, ssl; exiting.\n")]
    [TestCase("RingLayout lp32", "statmgr: Invalid <RingLayout> value <lp32> in <{0}>; valid=auto, lp64, ilp32; exiting.\n")]
    [TestCase("SmtpTimeout 0", "statmgr: Invalid <SmtpTimeout> value 0 in <{0}>; valid=1 or more seconds; exiting.\n")]
    [TestCase("PageMaxBytes -1", "statmgr: Invalid <PageMaxBytes> value -1 in <{0}>; valid=1 or more bytes; exiting.\n")]
    [TestCase("StatusListen localhost:9750", StatusListenInvalid, "localhost:9750")]
    [TestCase("StatusListen 127.0.0.1", StatusListenInvalid, "127.0.0.1")]
    [TestCase("StatusListen 9750", StatusListenInvalid, "9750")]
    [TestCase("StatusListen 127.0.0.1:0", StatusListenInvalid, "127.0.0.1:0")]
    [TestCase("StatusListen 127.0.0.1:65536", StatusListenInvalid, "127.0.0.1:65536")]
    [TestCase("StatusListen ::1:9750", StatusListenInvalid, "::1:9750")]
    [TestCase("StatusListen [::1]", StatusListenInvalid, "[::1]")]
    [TestCase("StatusListen 127.0.0.1:http", StatusListenInvalid, "127.0.0.1:http")]
    public void InvalidPortCommandValues(string line, string format, string? value = null)
    {
        ConfigTexts.WriteMinimal(Fixture, line);

        AssertFatalAtLine(8, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, ConfigPath, value), "et");
    }

    private const string StatusListenInvalid =
        "statmgr: Invalid <StatusListen> value <{1}> in <{0}>; valid=<IP address>:<port>, e.g. 127.0.0.1:9750 or [::1]:9750; exiting.\n";

    [TestCase("127.0.0.1:9750", "127.0.0.1", 9750)]
    [TestCase("10.1.2.3:80", "10.1.2.3", 80)]
    [TestCase("0.0.0.0:65535", "0.0.0.0", 65535)]
    [TestCase("[::1]:9750", "::1", 9750)]
    [TestCase("[2001:db8::7]:9750", "2001:db8::7", 9750)]
    public void StatusListenTakesAnAddressAndAPortAsWritten(string value, string address, int port)
    {
        ConfigTexts.WriteMinimal(Fixture, "StatusListen " + value);

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Problems, Is.Empty);
        Assert.That(outcome.Config.StatusListen, Is.EqualTo(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(address), port)));
    }

    [Test]
    public void WithoutStatusListenThereIsNoListener()
    {
        ConfigTexts.WriteMinimal(Fixture);

        Assert.That(Fixture.Start("statmgr.d").Config.StatusListen, Is.Null);
    }

    [Test]
    public void CheckKeepsGoingAndReportsEveryProblem()
    {
        Fixture.Write("nested.d", "pagegroup\nBadCommand 1\n");
        ConfigTexts.WriteMinimal(Fixture,
            "RingName NO_RING",
            "@" + Fixture.PathOf("nested.d"),
            "LogFile x",
            "SmtpTimeout 0");
        var nested = Fixture.PathOf("nested.d");

        var check = Fixture.Check("statmgr.d");

        Assert.That(check.CheckLines, Is.EqualTo(new[]
        {
            $"{ConfigPath}:8: error: statmgr: Invalid ring name <NO_RING>; exiting.",
            $"{nested}:1: error: statmgr: No argument for <pagegroup> command in <{ConfigPath}>; exiting.",
            $"{nested}:2: warning: statmgr: <BadCommand> unknown command in <{ConfigPath}>.",
            $"{ConfigPath}:10: error: statmgr: Bad <LogFile> command in <{ConfigPath}>; exiting.",
            $"{ConfigPath}:11: error: statmgr: Invalid <SmtpTimeout> value 0 in <{ConfigPath}>; valid=1 or more seconds; exiting.",
        }));
    }
}
