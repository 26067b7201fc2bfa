using Statmgr.Config;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Config;

public class DescriptorReaderTests : ConfigFixtureTests
{

    /// <summary>statmgr.d (Descriptor mod.desc on line 8), mod.desc and, unless null, mod.d.</summary>
    private void WriteModule(string descText, string? moduleConfig = "HeartBeatInt 10\n")
    {
        ConfigTexts.WriteMinimal(Fixture, "Descriptor " + DescPath);
        Fixture.Write("mod.desc", descText);
        if (moduleConfig is not null)
        {
            Fixture.Write("mod.d", moduleConfig);
        }
    }

    private Descriptor LoadModule(string descText, string? moduleConfig = "HeartBeatInt 10\n")
    {
        WriteModule(descText, moduleConfig);
        var outcome = Fixture.Start("statmgr.d");
        Assert.That(outcome.Exit, Is.Null, () => outcome.Exit!.Message);
        return outcome.Config.Descriptors[1];
    }

    private void AssertFatal(string text, int line, string? file = null, string flags = "e")
    {
        var outcome = Fixture.Start("statmgr.d");
        Assert.That(outcome.Exit, Is.Not.Null);
        Assert.That(outcome.Exit!.ExitCode, Is.EqualTo(255));
        Assert.That(outcome.Exit.Message, Is.EqualTo(text));
        Assert.That(outcome.Log.Entries[^1], Is.EqualTo((flags, text)));
        Assert.That(Fixture.Check("statmgr.d").CheckLines, Does.Contain($"{file ?? DescPath}:{line}: error: {text.TrimEnd('\n')}"));
    }

    [Test]
    public void EveryCommandIsRead()
    {
        var desc = LoadModule(
            "# a module\n"
            + "modName   \"pick ew\"\n"
            + "system    a-system-name-longer-than-29-characters\n"
            + "modId     MOD_PICK_EW\n"
            + "instId    INST_MENLO\n"
            + "pagegroup seismo-ops\n"
            + "pagegroup seismo-duty\n"
            + "mail      a@example.org\n"
            + "mail      b@example.org\n"
            + "restartMe please\n"
            + "tsec: 30 page: 2 mail: -1\n"
            + "err: 0 nerr: 5 tsec: 600 page: 0 mail: 3\n"
            + "text: \"Missed messages.\"\n"
            + "err: -7 nerr: 1 tsec: 0 page: 1 mail: 1\n"
            + "text: \"Negative number.\"\n");

        Assert.That(desc.Path, Is.EqualTo(DescPath));
        Assert.That(desc.ModName, Is.EqualTo("pick ew"));
        Assert.That(desc.SysName, Is.EqualTo("a-system-name-longer-than-29-"));
        Assert.That(desc.ModIdName, Is.EqualTo("MOD_PICK_EW"));
        Assert.That(desc.ModId, Is.EqualTo(3));
        Assert.That(desc.InstIdName, Is.EqualTo("INST_MENLO"));
        Assert.That(desc.InstId, Is.EqualTo(2));
        Assert.That(desc.PageGroups, Is.EqualTo(new[] { "seismo-ops", "seismo-duty" }));
        Assert.That(desc.MailRecipients, Is.EqualTo(new[] { "a@example.org", "b@example.org" }));
        Assert.That(desc.RestartMe, Is.True);
        Assert.That(desc.HeartbeatTsec, Is.EqualTo(30));
        Assert.That(desc.HeartbeatPage, Is.EqualTo(2));
        Assert.That(desc.HeartbeatMail, Is.EqualTo(-1));
        Assert.That(desc.HeartbeatSendInterval, Is.EqualTo(10));
        Assert.That(desc.Errors, Is.EqualTo(new[]
        {
            new ErrorRule(0, 5, 600, 0, 3, "Missed messages."),
            new ErrorRule(-7, 1, 0, 1, 1, "Negative number."),
        }));
    }

    [Test]
    public void SystemDefaultsToSysNameCutTo29Characters()
    {
        Fixture.SetEnvironment("SYS_NAME", "host-with-a-name-of-thirty-five-chr");

        var desc = LoadModule(ConfigTexts.Module("pick_ew", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0"));

        Assert.That(desc.SysName, Is.EqualTo("host-with-a-name-of-thirty-fi"));
        Assert.That(desc.InstIdName, Is.EqualTo("INST_MENLO"));
    }

    [Test]
    public void UnquotedTextKeepsOnlyItsFirstWord()
    {
        var desc = LoadModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0",
            "err: 3 nerr: 1 tsec: 0 page: 0 mail: 0", "text: Tank file error"));

        Assert.That(desc.Errors[0].Text, Is.EqualTo("Tank"));
    }

    [Test]
    public void CommandsAboveTextInPriorityAreReadWhileATextIsPending()
    {
        var desc = LoadModule(ConfigTexts.Module("m", "MOD_PICK_EW",
            "err: 3 nerr: 1 tsec: 0 page: 0 mail: 0",
            "# a comment",
            "mail late@example.org",
            "pagegroup late-group",
            "restartMe",
            "tsec: 30 page: 0 mail: 0",
            "system latehost",
            "text: \"Still err 3.\""));

        Assert.That(desc.Errors, Is.EqualTo(new[] { new ErrorRule(3, 1, 0, 0, 0, "Still err 3.") }));
        Assert.That(desc.MailRecipients, Is.EqualTo(new[] { "late@example.org" }));
        Assert.That(desc.PageGroups, Is.EqualTo(new[] { "late-group" }));
        Assert.That(desc.RestartMe, Is.True);
        Assert.That(desc.HeartbeatTsec, Is.EqualTo(30));
        Assert.That(desc.SysName, Is.EqualTo("latehost"));
    }

    [Test]
    public void ErrorNumberIsAShort()
    {
        var desc = LoadModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0",
            "err: 70000 nerr: 1 tsec: 0 page: 0 mail: 0", "text: wrapped"));

        Assert.That(desc.Errors[0].Number, Is.EqualTo((short)4464));
    }

    [Test]
    public void FlexibleSpacingInFixedLayoutLines()
    {
        var desc = LoadModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: 30 page:0 mail:-2 trailing words",
            "err: 1 nerr:2 tsec:   3 page:4 mail:5 # comment", "text: x"));

        Assert.That(desc.HeartbeatTsec, Is.EqualTo(30));
        Assert.That(desc.HeartbeatMail, Is.EqualTo(-2));
        Assert.That(desc.Errors[0], Is.EqualTo(new ErrorRule(1, 2, 3, 4, 5, "x")));
    }

    [Test]
    public void IndentedTsecAndErrLinesAreAccepted()
    {
        // B31: C's fixed-layout scan failed on these (fatal).
        var desc = LoadModule(ConfigTexts.Module("m", "MOD_PICK_EW", "   tsec: 30 page: 1 mail: 2",
            "\terr: 4 nerr: 1 tsec: 0 page: 0 mail: 0", "  text: \"indented\""));

        Assert.That(desc.HeartbeatTsec, Is.EqualTo(30));
        Assert.That(desc.HeartbeatPage, Is.EqualTo(1));
        Assert.That(desc.Errors, Is.EqualTo(new[] { new ErrorRule(4, 1, 0, 0, 0, "indented") }));
    }

    [Test]
    public void TsecWithoutBlankIsAnUnknownCommand()
    {
        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec:30 page: 0 mail: 0"));

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Log.Entries, Does.Contain(("e", $"statmgr: <tsec:30> unknown command in descfile <{DescPath}>.\n")));
        Assert.That(outcome.Config.Descriptors[1].HeartbeatTsec, Is.EqualTo(15));
        Assert.That(outcome.CheckLines, Is.EqualTo(new[]
        {
            $"{DescPath}:4: warning: statmgr: <tsec:30> unknown command in descfile <{DescPath}>.",
        }));
    }

    [Test]
    public void NestedFileInsideDescriptor()
    {
        Fixture.Write("errors.inc", "err: 9 nerr: 1 tsec: 0 page: 0 mail: 0\ntext: \"From include.\"\n");

        var desc = LoadModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0",
            "@" + Fixture.PathOf("errors.inc"), "mail after@example.org"));

        Assert.That(desc.Errors, Is.EqualTo(new[] { new ErrorRule(9, 1, 0, 0, 0, "From include.") }));
        Assert.That(desc.MailRecipients, Is.EqualTo(new[] { "after@example.org" }));
    }

    [Test]
    public void DuplicateDescriptorsAreAcceptedAndTheFirstIsStatmgrsOwn()
    {
        ConfigTexts.WriteMinimal(Fixture, "Descriptor " + Fixture.PathOf("statmgr.desc"));

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Config.Descriptors, Has.Count.EqualTo(2));
        Assert.That(outcome.Result!.OwnDescriptorIndex, Is.EqualTo(0));
    }

    [Test]
    public void ModIdNamesUpTo32CharactersAreLookedUp()
    {
        // B8: C turned names of 30-32 characters into module id 0.
        var name = "MOD_" + new string('X', 28);
        Fixture.Write(EwParamsFixture.LocalFileName, EwParamsFixture.StandardLocal + $" Module {name} 77\n");

        var desc = LoadModule(ConfigTexts.Module("m", name, "tsec: 30 page: 0 mail: 0"));

        Assert.That(name, Has.Length.EqualTo(32));
        Assert.That(desc.ModIdName, Is.EqualTo(name));
        Assert.That(desc.ModId, Is.EqualTo(77));
    }

    // ----- fatal errors

    [Test]
    public void DescriptorThatCannotBeOpened()
    {
        ConfigTexts.WriteMinimal(Fixture, "Descriptor " + DescPath);

        AssertFatal($"statmgr: Error opening descriptor file <{DescPath}>; exiting.\n", 8, ConfigPath);
    }

    [Test]
    public void NestedFileInsideDescriptorThatCannotBeOpened()
    {
        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", "@missing.inc", "tsec: 30 page: 0 mail: 0"));

        AssertFatal("statmgr: Error opening command file <missing.inc>; exiting.\n", 4);
    }

    [Test]
    public void InvalidModIdName()
    {
        WriteModule(ConfigTexts.Module("m", "MOD_NOBODY", "tsec: 30 page: 0 mail: 0"));

        AssertFatal($"statmgr: Invalid modId name <MOD_NOBODY> in descfile <{DescPath}>; exiting.\n", 2);
    }

    [Test]
    public void ModIdWithoutArgumentIsABadCommand()
    {
        // B8: C printed "modId <(null)> in file <...> too long; max is 29 chars".
        WriteModule("modName m\nmodId\ninstId INST_MENLO\ntsec: 30 page: 0 mail: 0\n");

        AssertFatal($"statmgr: Bad <modId> command in descfile <{DescPath}>; exiting.\n", 2);
        Assert.That(Fixture.Check("statmgr.d").CheckLines, Has.Count.EqualTo(1));
    }

    [Test]
    public void InvalidInstallationName()
    {
        WriteModule("modName m\nmodId MOD_PICK_EW\ninstId INST_NOWHERE\ntsec: 30 page: 0 mail: 0\n");

        AssertFatal($"statmgr: Invalid installation name <INST_NOWHERE> in descfile <{DescPath}>; exiting.\n", 3);
    }

    [TestCase("modName")]
    [TestCase("system")]
    [TestCase("instId")]
    public void CommandWithoutArgumentIsABadCommand(string command)
    {
        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0", command));

        AssertFatal($"statmgr: Bad <{command}> command in descfile <{DescPath}>; exiting.\n", 5);
    }

    [TestCase("tsec: 30 page: 1")]
    [TestCase("tsec: x page: 1 mail: 1")]
    [TestCase("tsec:")]
    public void HeartbeatLineThatCannotBeDecoded(string line)
    {
        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", line));

        AssertFatal($"statmgr: error decoding heartbeat from descfile <{DescPath}>; exiting.\n", 4);
    }

    [TestCase("err: 1 nerr: 1 tsec: 0 page: 0")]
    [TestCase("err: 1 nerr: 1 tsec: 0 page: 0 mail:")]
    [TestCase("err: a nerr: 1 tsec: 0 page: 0 mail: 0")]
    public void ErrorLineThatCannotBeDecoded(string line)
    {
        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0", line, "text: t"));

        AssertFatal($"statmgr: error decoding error-handling line from descfile <{DescPath}>; exiting.\n", 5);
    }

    [Test]
    public void SeventyFiveErrorEntriesLoadAndTheNextIsFatal()
    {
        var lines = Enumerable.Range(0, 75).SelectMany(i => new[] { $"err: {i} nerr: 1 tsec: 0 page: 0 mail: 0", $"text: t{i}" }).ToArray();
        var desc = LoadModule(ConfigTexts.Module("m", "MOD_PICK_EW", lines.Prepend("tsec: 30 page: 0 mail: 0").ToArray()));
        Assert.That(desc.Errors, Has.Count.EqualTo(75));
        Assert.That(desc.Errors[74], Is.EqualTo(new ErrorRule(74, 1, 0, 0, 0, "t74")));

        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", lines.Prepend("tsec: 30 page: 0 mail: 0")
            .Append("err: 75 nerr: 1 tsec: 0 page: 0 mail: 0").Append("text: t75").ToArray()));
        AssertFatal($"statmgr: too many error types in descfile <{DescPath}>; MAXERR=75; exiting.\n", 155);
    }

    [Test]
    public void SecondErrWhileATextIsPending()
    {
        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0",
            "err: 5 nerr: 1 tsec: 0 page: 0 mail: 0", "err: 6 nerr: 1 tsec: 0 page: 0 mail: 0", "text: six"));

        AssertFatal($"statmgr: no text line for err: 5 in <{DescPath}>; exiting.\n", 6);
    }

    [Test]
    public void UnknownCommandWhileATextIsPending()
    {
        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0",
            "err: -3 nerr: 1 tsec: 0 page: 0 mail: 0", "txt: \"typo\""));

        AssertFatal($"statmgr: no text line for err: -3 in <{DescPath}>; exiting.\n", 6);
    }

    [Test]
    public void TextWithoutValueIsABadCommand()
    {
        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0",
            "err: 1 nerr: 1 tsec: 0 page: 0 mail: 0", "text:"));

        AssertFatal($"statmgr: Bad <text:> command in descfile <{DescPath}>; exiting.\n", 6);
    }

    [TestCase("pagegroup")]
    [TestCase("mail")]
    public void TenDescriptorRecipientsLoadAndAnEleventhIsFatal(string command)
    {
        var lines = Enumerable.Range(1, 10).Select(i => $"{command} r{i}").Prepend("tsec: 30 page: 0 mail: 0").ToArray();
        var desc = LoadModule(ConfigTexts.Module("m", "MOD_PICK_EW", lines));
        Assert.That(command == "mail" ? desc.MailRecipients : desc.PageGroups, Has.Count.EqualTo(10));

        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", lines.Append($"{command} r11").ToArray()));
        AssertFatal($"statmgr: Too many <{command}> commands in Descriptor <{DescPath}>; max=10; exiting.\n", 15);
    }

    [TestCase("pagegroup")]
    [TestCase("mail")]
    public void DescriptorRecipientLengths(string command)
    {
        var ok = new string('g', 59);
        var desc = LoadModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0", $"{command} {ok}"));
        Assert.That(command == "mail" ? desc.MailRecipients : desc.PageGroups, Is.EqualTo(new[] { ok }));

        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0", $"{command} {ok}g"));
        AssertFatal($"statmgr: Invalid length=60 for <{command}> argument in Descriptor <{DescPath}>; valid=1-59; exiting.\n", 5);

        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0", $"{command} \"\""));
        AssertFatal($"statmgr: Invalid length=0 for <{command}> argument in Descriptor <{DescPath}>; valid=1-59; exiting.\n", 5);

        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0", command));
        AssertFatal($"statmgr: No argument for <{command}> command in Descriptor <{DescPath}>; exiting.\n", 5);
    }

    [Test]
    public void ADescriptorMailRecipientStartingWithADashIsFatal()
    {
        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0", "pagegroup -night", "mail -fspoof@example.org"));

        AssertFatal($"statmgr: Invalid <mail> argument <-fspoof@example.org> in Descriptor <{DescPath}>; an address may not begin with '-'; exiting.\n", 6, flags: "et");
    }

    [Test]
    public void UnknownCommandOnlyWarns()
    {
        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0", "Restartme"));

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Exit, Is.Null);
        Assert.That(outcome.Log.Entries, Does.Contain(("e", $"statmgr: <Restartme> unknown command in descfile <{DescPath}>.\n")));
        Assert.That(outcome.Config.Descriptors[1].RestartMe, Is.False);
    }

    [Test]
    public void RequiredDescriptorCommandsMissing()
    {
        WriteModule("# empty\ntsec: 30 page: 0 mail: 0\n");

        AssertFatal($"statmgr: ERROR, no <modName> <modId> <instId> command(s) in descfile <{DescPath}>; exiting.\n", 8, ConfigPath);
    }

    [Test]
    public void OneRequiredDescriptorCommandMissing()
    {
        WriteModule("modName m\ninstId INST_MENLO\n");

        AssertFatal($"statmgr: ERROR, no <modId> command(s) in descfile <{DescPath}>; exiting.\n", 8, ConfigPath);
    }

    [Test]
    public void TrailingErrWithoutTextIsDroppedWithAWarning()
    {
        // B24: C dropped it silently.
        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: 30 page: 0 mail: 0",
            "err: 1 nerr: 1 tsec: 0 page: 0 mail: 0", "text: one", "err: 2 nerr: 1 tsec: 0 page: 0 mail: 0"));

        var outcome = Fixture.Start("statmgr.d");

        Assert.That(outcome.Exit, Is.Null);
        Assert.That(outcome.Config.Descriptors[1].Errors, Is.EqualTo(new[] { new ErrorRule(1, 1, 0, 0, 0, "one") }));
        Assert.That(outcome.Log.Entries, Does.Contain(("et", $"statmgr: err: 2 in descfile <{DescPath}> has no text: line; the entry is ignored\n")));
        Assert.That(outcome.CheckLines, Is.EqualTo(new[]
        {
            $"{DescPath}:7: warning: statmgr: err: 2 in descfile <{DescPath}> has no text: line; the entry is ignored",
        }));
    }

    [Test]
    public void NegativeHeartbeatTsecIsAStartupError()
    {
        // B25: C declared such a module dead on every scan.
        WriteModule(ConfigTexts.Module("m", "MOD_PICK_EW", "tsec: -1 page: 0 mail: 0"));

        AssertFatal($"statmgr: negative heartbeat tsec (-1) in descfile <{DescPath}>; use tsec: 0 for a module that is not monitored; exiting.\n",
            4, flags: "et");
    }

    [Test]
    public void CheckReportsEveryProblemOfADescriptor()
    {
        // "system" outranks a pending text: (C's order), so err: 2 ends the file without one.
        WriteModule("modName m\nmodId MOD_NOBODY\ninstId INST_NOWHERE\ntsec: 1\nerr: 1 nerr: 1\ntext: x\nbogus\nerr: 2 nerr: 1 tsec: 0 page: 0 mail: 0\nsystem\n");

        var check = Fixture.Check("statmgr.d");

        Assert.That(check.CheckLines, Is.EqualTo(new[]
        {
            $"{DescPath}:2: error: statmgr: Invalid modId name <MOD_NOBODY> in descfile <{DescPath}>; exiting.",
            $"{DescPath}:3: error: statmgr: Invalid installation name <INST_NOWHERE> in descfile <{DescPath}>; exiting.",
            $"{DescPath}:4: error: statmgr: error decoding heartbeat from descfile <{DescPath}>; exiting.",
            $"{DescPath}:5: error: statmgr: error decoding error-handling line from descfile <{DescPath}>; exiting.",
            $"{DescPath}:7: warning: statmgr: <bogus> unknown command in descfile <{DescPath}>.",
            $"{DescPath}:9: error: statmgr: Bad <system> command in descfile <{DescPath}>; exiting.",
            $"{DescPath}:8: warning: statmgr: err: 2 in descfile <{DescPath}> has no text: line; the entry is ignored",
        }));
    }
}
