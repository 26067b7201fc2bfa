namespace Statmgr.Tests.Earthworm.Kom;

/// <summary>${NAME} expansion and the lazily loaded earthworm_commonvars.d table.</summary>
public class ExpansionTests : KomTestBase
{
    private const string Skipping = "warning: skipping variable expansion for the following line (env var match not found):\n";

    [Test]
    public void CommonVarsWinOverTheEnvironment()
    {
        Files.WriteCommonVars("SetEnvVariable HOME /from/file\nSetEnvVariable EW_INST_ID INST_MENLO\n");
        var kom = AtFirstLine("Dir ${HOME} ${EW_INST_ID}\n");
        Assert.That(kom.Line, Is.EqualTo("Dir /from/file INST_MENLO"));
    }

    [Test]
    public void EnvironmentIsUsedWhenTheFileLacksTheName()
    {
        Files.WriteCommonVars();
        var kom = AtFirstLine("Dir ${HOME}\n");
        Assert.That(kom.Line, Is.EqualTo("Dir /home/u"));
    }

    [Test]
    public void EmptyEnvironmentValueResolvesToNothing()
    {
        var kom = NewReader(("EMPTY", ""));
        kom.Open(Files.Write("e.d", "a${EMPTY}b\n"));
        kom.ReadLine();
        Assert.That(kom.Line, Is.EqualTo("ab"));
        Assert.That(Diagnostics, Has.None.StartsWith("warning"));
    }

    [Test]
    public void FileIsLoadedOnceOnTheFirstReferenceThroughTheStack()
    {
        Files.WriteCommonVars();
        var kom = NewReader();
        kom.Open(Files.Write("top.d", "plain\n@x\nA ${EW_INST_ID}\nB ${EW_INST_ID}\nlast\n"));
        kom.ReadLine();
        Assert.That(Diagnostics, Is.Empty);
        kom.ReadLine();
        kom.Open(Files.Write("nested.d", "N ${EW_INST_ID}\n"));
        kom.ReadLine();
        Assert.That(kom.Line, Is.EqualTo("N INST_MENLO"));
        Assert.That(kom.CurrentFile, Is.EqualTo(Files.PathOf("nested.d")));
        kom.Close();
        var lines = new List<string>();
        while (kom.ReadLine() > 0)
        {
            lines.Add(kom.Line);
        }

        Assert.That(lines, Is.EqualTo(new[] { "A INST_MENLO", "B INST_MENLO", "last" }));
        Assert.That(Diagnostics, Is.EqualTo(new[] { "LoadTableEnvVariable(): nfiles 3\n" }));
    }

    [Test]
    public void MissingFileIsWarnedOnceAndTheEnvironmentStillWorks()
    {
        var kom = AtFirstLine("A ${HOME}\nB ${HOME}\n");
        kom.ReadLine();
        Assert.That(kom.Line, Is.EqualTo("B /home/u"));
        Assert.That(Diagnostics, Is.EqualTo(new[]
        {
            $"LoadTableEnvVariable(): warning {Files.Directory}/earthworm_commonvars.d file not found.\n",
        }));
    }

    [Test]
    public void TrailingSlashInEwParamsIsNotDoubled()
    {
        var kom = NewReader(("EW_PARAMS", Files.Directory + "/"));
        kom.Open(Files.Write("a.d", "A ${HOME}\n"));
        kom.ReadLine();
        Assert.That(Diagnostics, Is.EqualTo(new[]
        {
            $"LoadTableEnvVariable(): warning {Files.Directory}/earthworm_commonvars.d file not found.\n",
        }));
    }

    [Test]
    public void UnsetEwParamsMeansNoFile()
    {
        var kom = new Statmgr.Earthworm.Kom.CommandFileReader(name => name == "HOME" ? Home : null, Diagnostics.Add);
        kom.Open(Files.Write("a.d", "A ${HOME}\n"));
        kom.ReadLine();
        kom.Dispose();
        Assert.That(kom.Line, Is.EqualTo("A /home/u"));
        Assert.That(Diagnostics, Is.EqualTo(new[] { "LoadTableEnvVariable(): warning earthworm_commonvars.d file not found.\n" }));
    }

    [Test]
    public void WithFiveFilesOpenTheFileCannotBeLoaded()
    {
        Files.WriteCommonVars();
        var kom = NewReader();
        for (int depth = 1; depth <= 4; depth++)
        {
            kom.Open(Files.Write($"n{depth}.d", "x\n"));
        }

        kom.Open(Files.Write("n5.d", "A ${EW_INST_ID} ${HOME}\nB ${EW_INST_ID} ${HOME}\n"));
        kom.ReadLine();
        Assert.That(kom.Line, Is.EqualTo("A ${EW_INST_ID} /home/u"));
        kom.ReadLine();
        Assert.That(kom.Line, Is.EqualTo("B ${EW_INST_ID} /home/u"));
        Assert.That(Diagnostics, Is.EqualTo(new[]
        {
            "LoadTableEnvVariable(): Error opening command file <earthworm_commonvars.d>; exiting!\n",
        }));
    }

    [Test]
    public void WarningQuotesTheRawLineWithItsLineEnd()
    {
        Files.WriteCommonVars("");
        var kom = AtFirstLine("X\t${NOPE} \r\n");
        Assert.That(kom.Line, Is.EqualTo("X ${NOPE}"));
        Assert.That(Diagnostics[^1], Is.EqualTo(Skipping + "X\t${NOPE} \r\n"));
    }

    [Test]
    public void TooLongExpansionKeepsTheRawLine()
    {
        string value = new string('v', 1000);
        var kom = NewReader(("BIG", value));
        string raw = "A ${BIG} ${BIG} ${BIG}\n";
        kom.Open(Files.Write("a.d", raw + "B ${BIG} ${BIG}\n"));
        kom.ReadLine();
        Assert.That(kom.Line, Is.EqualTo("A ${BIG} ${BIG} ${BIG}"));
        Assert.That(Diagnostics[^1], Is.EqualTo(Skipping + raw));
        kom.ReadLine();
        Assert.That(kom.Line, Is.EqualTo("B " + value + " " + value));
    }

    [Test]
    public void ExpansionUpTo2047CharsWithTheNewlineFits()
    {
        // The expanded text including its newline must stay within kom's 2047 chars.
        var kom = NewReader(("V", new string('v', 2045)));
        kom.Open(Files.Write("a.d", "${V}\n${V}x\n"));
        kom.ReadLine();
        Assert.That(kom.Line, Has.Length.EqualTo(2045));
        kom.ReadLine();
        Assert.That(kom.Line, Has.Length.EqualTo(2046));
        var second = NewReader(("V", new string('v', 2046)));
        second.Open(Files.Write("b.d", "${V}x\n"));
        second.ReadLine();
        Assert.That(second.Line, Is.EqualTo("${V}x"));
    }

    [Test]
    public void ValuesAreNotRescanned()
    {
        Files.WriteCommonVars("SetEnvVariable DERIVED ${HOME}/x\n");
        var kom = AtFirstLine("D ${DERIVED}\n");
        Assert.That(kom.Line, Is.EqualTo("D ${HOME}/x"));
    }

    [Test]
    public void UnclosedReferenceIsLiteralAndNotCounted()
    {
        var kom = AtFirstLine("A ${HOME\n");
        Assert.That(kom.Line, Is.EqualTo("A ${HOME"));
        Assert.That(Diagnostics, Is.Empty);
    }

    [Test]
    public void CarriageReturnEndsTheCommentForExpansion()
    {
        var kom = AtFirstLine("A # ${HOME}\r${HOME}\n");
        Assert.That(kom.Line, Is.EqualTo("A # ${HOME}\r/home/u"));
    }

    [Test]
    public void SetEnvVariableAcceptsQuotedValuesAndIgnoresExtraTokens()
    {
        Files.WriteCommonVars("# comment\n\nSetEnvVariable A \"x y\" ignored\nSetEnvVariable B b # note\n");
        var kom = AtFirstLine("${A}|${B}\n");
        Assert.That(kom.Line, Is.EqualTo("x y|b"));
    }

    [Test]
    public void InvalidNameIsSkipped()
    {
        Files.WriteCommonVars("SetEnvVariable 9A x\nSetEnvVariable \"A B\" x\nSetEnvVariable OK y\n");
        var kom = AtFirstLine("${OK}\n");
        Assert.That(kom.Line, Is.EqualTo("y"));
        Assert.That(Diagnostics, Is.EqualTo(new[]
        {
            "LoadTableEnvVariable(): nfiles 2\n",
            "LoadTableEnvVariable(): Invalid environment variable name <9A> in <earthworm_commonvars.d> (names without spaces are valid); skipping!\n",
            "LoadTableEnvVariable(): Invalid environment variable name <A B> in <earthworm_commonvars.d> (names without spaces are valid); skipping!\n",
        }));
    }

    [Test]
    public void DuplicateKeepsTheFirstSetting()
    {
        Files.WriteCommonVars("SetEnvVariable A first\nSetEnvVariable A second\n");
        var kom = AtFirstLine("${A}\n");
        Assert.That(kom.Line, Is.EqualTo("first"));
        Assert.That(Diagnostics, Is.EqualTo(new[]
        {
            "LoadTableEnvVariable(): nfiles 2\n",
            "LoadTableEnvVariable(): duplication variable in <earthworm_commonvars.d>, new setting ignored\n",
            "                   original: <EnvVariable A='first'>\n",
            "                        new: <EnvVariable A='second'>\n",
        }));
    }

    [Test]
    public void OtherCommandsAndIncludesAreUnknown()
    {
        string path = Files.WriteCommonVars("Other 1\n@more.d\nSetEnvVariable A a\n");
        var kom = AtFirstLine("${A}\n");
        Assert.That(kom.Line, Is.EqualTo("a"));
        Assert.That(Diagnostics, Is.EqualTo(new[]
        {
            "LoadTableEnvVariable(): nfiles 2\n",
            $"LoadTableEnvVariable(): <Other> Unknown command in <{path}>.\n",
            $"LoadTableEnvVariable(): <@more.d> Unknown command in <{path}>.\n",
        }));
    }

    [Test]
    public void MissingValueDiscardsTheTable()
    {
        Files.WriteCommonVars("SetEnvVariable A a\nSetEnvVariable B\nSetEnvVariable C c\n");
        var kom = AtFirstLine("${A} ${HOME}\n");
        Assert.That(kom.Line, Is.EqualTo("${A} /home/u"));
        Assert.That(kom.OpenFileCount, Is.EqualTo(1));
        Assert.That(Diagnostics[^1], Is.EqualTo(
            "LoadTableEnvVariable(): command EnvVariable NULL for value of B in <earthworm_commonvars.d>; max=255 chars; exiting!\n"));
    }

    [Test]
    public void MissingNameStopsTheLoader()
    {
        Files.WriteCommonVars("SetEnvVariable\n");
        AtFirstLine("${HOME}\n");
        Assert.That(Diagnostics[^1], Is.EqualTo(
            "LoadTableEnvVariable(): command EnvVariable NULL for name in <earthworm_commonvars.d>; max=255 chars; exiting!\n"));
    }

    [Test]
    public void InvalidNameWithoutValueIsABadCommand()
    {
        string path = Files.WriteCommonVars("SetEnvVariable A a\nSetEnvVariable 1x\n");
        var kom = AtFirstLine("${A} ${HOME}\n");
        Assert.That(kom.Line, Is.EqualTo("${A} /home/u"));
        Assert.That(Diagnostics[^1], Is.EqualTo($"LoadTableEnvVariable(): Bad command in <{path}>; exiting!\n\tSetEnvVariable 1x\n"));
    }

    [Test]
    public void NameOrValueLongerThan255StopsTheLoader()
    {
        string longName = "N" + new string('a', 255);
        string longValue = new string('v', 256);
        Files.WriteCommonVars($"SetEnvVariable {longName} x\n");
        AtFirstLine("${HOME}\n");
        Assert.That(Diagnostics[^1], Is.EqualTo(
            $"LoadTableEnvVariable(): environment variable name <{longName}> too long in <earthworm_commonvars.d>; max=255 chars; exiting!\n"));

        Diagnostics.Clear();
        Files.WriteCommonVars($"SetEnvVariable A {longValue}\n");
        AtFirstLine("${HOME}\n");
        Assert.That(Diagnostics[^1], Is.EqualTo(
            $"LoadTableEnvVariable(): environment variable value <{longValue}> too long in <earthworm_commonvars.d>; max=255 chars; exiting!\n"));
    }

    [Test]
    public void At255EntriesTheNextLineStopsTheLoader()
    {
        var text = new System.Text.StringBuilder();
        for (int i = 1; i <= 255; i++)
        {
            text.Append($"SetEnvVariable V{i} {i}\n");
        }

        Files.WriteCommonVars(text.ToString());
        var kom = AtFirstLine("${V255}\n");
        Assert.That(kom.Line, Is.EqualTo("255"));

        Diagnostics.Clear();
        Files.WriteCommonVars(text + "SetEnvVariable V256 256\n");
        kom = AtFirstLine("${V1} ${HOME}\n");
        Assert.That(kom.Line, Is.EqualTo("${V1} /home/u"));
        Assert.That(Diagnostics[^1], Is.EqualTo(
            "LoadTableEnvVariable(): Too many <SetEnvVariable> lines in <earthworm_commonvars.d>; max=256; exiting!\n"));
    }
}
