using Statmgr.Earthworm;
using Statmgr.Earthworm.Tables;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Earthworm.Tables;

/// <summary>getutil's GetUtil_LoadTable: files, syntax, fatal texts, limits and conflicts.</summary>
public class TableLoadingTests : TablesTestBase
{
    [Test]
    public void StandardFilesLoadSilently()
    {
        var tables = Load();
        Assert.That(Diagnostics, Is.Empty);
        Assert.That(tables.GetKey("STATUS_RING"), Is.EqualTo(1050L));
    }

    [Test]
    public void UnsetEwParamsIsFatalWithoutNewline()
    {
        var exit = Assert.Throws<EarthwormExitException>(() => EarthwormTables.Load(null, Diagnostics.Add));
        Assert.That(exit!.ExitCode, Is.EqualTo(255));
        Assert.That(Diagnostics, Is.EqualTo(new[] { "GetUtil_LoadTable: Environment variable EW_PARAMS not defined! EXITING!" }));
        Assert.That(exit.Message, Is.EqualTo(Diagnostics[0]));
    }

    [Test]
    public void EmptyEwParamsIsFatal()
    {
        AssertFatal("GetUtil_LoadTable: Environment variable EW_PARAMS defined, but has no value; EXITING!\n", ewParams: "");
    }

    [Test]
    public void TooLongEwParamsIsFatal()
    {
        string directory = "/" + new string('p', 236);
        AssertFatal("GetUtil_LoadTable: length of EW_PARAMS+TableFile[0] exceeds FullTablePath, MAXLEN=255; EXITING!\n", directory);
    }

    [Test]
    public void EwParamsOfMaximumLengthIsTried()
    {
        string directory = "/" + new string('p', 235);
        AssertFatal($"GetUtil_LoadTable: Error opening file <{directory}/earthworm_global.d>; EXITING!\n", directory);
    }

    [TestCase(EwParamsFixture.GlobalFileName)]
    [TestCase(EwParamsFixture.LocalFileName)]
    public void BothFilesAreMandatory(string name)
    {
        File.Delete(Params.PathOf(name));
        AssertFatal($"GetUtil_LoadTable: Error opening file <{Params.PathOf(name)}>; EXITING!\n");
    }

    [Test]
    public void TrailingSlashIsNotDoubled()
    {
        File.Delete(GlobalPath);
        AssertFatal($"GetUtil_LoadTable: Error opening file <{GlobalPath}>; EXITING!\n", Params.Directory + "/");
    }

    [Test]
    public void UnknownCommandsAreReportedAndSkipped()
    {
        AppendToLocal("module MOD_LOWER 9\nFoo bar\n");
        var tables = Load();
        Assert.That(Diagnostics, Is.EqualTo(new[]
        {
            $"GetUtil_LoadTable: <module> Unknown command in <{LocalPath}>.\n",
            $"GetUtil_LoadTable: <Foo> Unknown command in <{LocalPath}>.\n",
        }));
        Assert.That(tables.GetModIdName(9), Is.Null);
    }

    [TestCase("Ring WAVE_RING2", "Ring")]
    [TestCase("Ring", "Ring")]
    [TestCase("Module MOD_X abc", "Module")]
    [TestCase("Module \"MOD_X 5", "Module")]
    [TestCase("Message TYPE_X", "Message")]
    [TestCase("Installation INST_X -0", "Installation")]
    public void MissingOrNonNumericValueIsABadLine(string line, string command)
    {
        AppendToLocal(line + "\n");
        AssertFatal($"GetUtil_LoadTable: Bad <{command}> line in <{LocalPath}>; exiting!\n");
    }

    [Test]
    public void RingKeysAreAnyLong()
    {
        AppendToLocal(" Ring NEG_RING -5\n Ring JUNK_RING 10x\n Ring BIG_RING 99999999999\n");
        var tables = Load();
        Assert.That(tables.GetKey("NEG_RING"), Is.EqualTo(-5L));
        Assert.That(tables.GetKey("JUNK_RING"), Is.EqualTo(10L));
        Assert.That(tables.GetKey("BIG_RING"), Is.EqualTo(99999999999L));
    }

    [Test]
    public void ModuleIdOutOfRangeIsFatalWithoutNewline()
    {
        AppendToLocal("Module MOD_BIG 256\n");
        AssertFatal($"GetUtil_LoadTable: Invalid module id <256> in <{LocalPath}> (0-255 are valid); EXITING!");
    }

    [Test]
    public void NegativeModuleIdIsFatal()
    {
        AppendToLocal("Module MOD_NEG -1\n");
        AssertFatal($"GetUtil_LoadTable: Invalid module id <-1> in <{LocalPath}> (0-255 are valid); EXITING!");
    }

    [Test]
    public void MessageTypeOutOfRangeIsFatal()
    {
        AppendToLocal("Message TYPE_BIG 300\n");
        AssertFatal($"GetUtil_LoadTable: Invalid message type <300> in <{LocalPath}> (0-255 are valid); exiting!\n");
    }

    [Test]
    public void InstallationIdOutOfRangeIsFatal()
    {
        AppendToLocal("Installation INST_BIG 256\n");
        AssertFatal($"GetUtil_LoadTable: Invalid installation id <256> in <{LocalPath}> (0-255 are valid); exiting!\n");
    }

    [Test]
    public void BoundaryIdsAreAccepted()
    {
        AppendToLocal("Module MOD_TOP 255\nMessage TYPE_TOP 255\nInstallation INST_ZERO_TWIN 0\n");
        var tables = Load();
        Assert.That(tables.GetModIdName(255), Is.EqualTo("MOD_TOP"));
        Assert.That(tables.GetTypeName(255), Is.EqualTo("TYPE_TOP"));
    }

    [TestCase("Ring", "1234")]
    [TestCase("Module", "200")]
    [TestCase("Message", "200")]
    [TestCase("Installation", "200")]
    public void NamesOf32CharsAreAcceptedAnd33AreFatal(string command, string number)
    {
        string name32 = "N" + new string('x', 31);
        AppendToLocal($"{command} {name32} {number}\n");
        Load();
        Assert.That(Diagnostics, Is.Empty);

        string name33 = name32 + "y";
        AppendToLocal($"{command} {name33} {number}\n");
        AssertFatal($"GetUtil_LoadTable: {command} name <{name33}> too long in <{LocalPath}>; max=32 chars; exiting!\n");
    }

    [Test]
    public void FortyNineRingsFitAndTheFiftiethIsFatal()
    {
        var rings = new System.Text.StringBuilder("Module MOD_WILDCARD 0\n");
        for (int i = 1; i <= 49; i++)
        {
            rings.Append($"Ring RING_{i} {1000 + i}\n");
        }

        Params.Write(EwParamsFixture.LocalFileName, rings.ToString());
        Assert.That(Load().GetKey("RING_49"), Is.EqualTo(1049L));

        Params.Write(EwParamsFixture.LocalFileName, rings + "Ring RING_1 1001\n");
        AssertFatal($"GetUtil_LoadTable: Too many <Ring> lines in <{LocalPath}>; max=50; EXITING!\n");
    }

    [TestCase("Module", "GetUtil_LoadTable: Too many <Module> lines in <{0}>; max=256; exiting!\n")]
    [TestCase("Message", "GetUtil_LoadTable: Too many <Message> lines in <{0}> ; max=256; exiting!\n")]
    [TestCase("Installation", "GetUtil_LoadTable: Too many <Installation> lines in <{0}>; max=256; exiting!\n")]
    public void TwoHundredFiftyFiveIdsFitAndTheNextLineIsFatal(string command, string format)
    {
        var text = new System.Text.StringBuilder(
            "Ring R 1\nModule MOD_WILDCARD 0\nMessage TYPE_WILDCARD 0\nInstallation INST_WILDCARD 0\n");
        for (int i = 1; i <= 254; i++)
        {
            text.Append($"{command} X_{i} {i}\n");
        }

        Params.Write(EwParamsFixture.GlobalFileName, "# nothing here\n");
        Params.Write(EwParamsFixture.LocalFileName, text.ToString());
        Load();
        Assert.That(Diagnostics, Is.Empty);

        Params.Write(EwParamsFixture.LocalFileName, text + $"{command} X_1 1\n");
        AssertFatal(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, LocalPath));
    }

    [Test]
    public void SameNameAndNumberTwiceIsSilent()
    {
        AppendToLocal(" Message  TYPE_HEARTBEAT 3\n Ring WAVE_RING 1000\n");
        Load();
        Assert.That(Diagnostics, Is.Empty);
    }

    [Test]
    public void SameNumberDifferentNameIsAConflictNotFatal()
    {
        AppendToLocal("Module MOD_OTHER 2\n");
        var tables = Load();
        Assert.That(Diagnostics, Is.EqualTo(new[]
        {
            "GetUtil_LoadTable: conflict with current set of Module IDs in\n"
            + $" <{LocalPath}>,\n"
            + " New setting ignored.\n"
            + "(Reconfigure does not remove existing IDs, it only adds new IDs. \n"
            + "IDs must be unique.)\n"
            + "                   original: <Module MOD_STATMGR 2>\n"
            + "                        new: <Module MOD_OTHER 2>\n",
        }));
        Assert.That(tables.GetModId("MOD_OTHER", out _), Is.EqualTo(-1));
        Assert.That(tables.GetModIdName(2), Is.EqualTo("MOD_STATMGR"));
    }

    [TestCase("Ring WAVE_RING 1001", "Ring", "Ring WAVE_RING 1000", "Ring WAVE_RING 1001")]
    [TestCase("Message TYPE_ERROR 120", "Message Type", "Message TYPE_ERROR 2", "Message TYPE_ERROR 120")]
    [TestCase("Installation INST_X 255", "Installation", "Installation INST_UNKNOWN 255", "Installation INST_X 255")]
    public void ConflictsNameTheirTable(string line, string label, string original, string added)
    {
        AppendToLocal(line + "\n");
        Load();
        Assert.That(Diagnostics, Has.Count.EqualTo(1));
        Assert.That(Diagnostics[0], Does.StartWith($"GetUtil_LoadTable: conflict with current set of {label} IDs in\n <{LocalPath}>,\n"));
        Assert.That(Diagnostics[0], Does.EndWith($"   original: <{original}>\n                        new: <{added}>\n"));
    }

    [Test]
    public void FirstEntryWithSameNameOrNumberDecides()
    {
        Params.Write(EwParamsFixture.GlobalFileName, EwParamsFixture.StandardGlobal + "Ring A 1\nRing B 2\nRing B 1\n");
        Load();
        Assert.That(Diagnostics[0], Does.EndWith("original: <Ring A 1>\n                        new: <Ring B 1>\n"));
    }

    [Test]
    public void MissingCommandKindsAreFatalTogether()
    {
        Params.Write(EwParamsFixture.LocalFileName, "Message TYPE_PAGE 104\n");
        AssertFatal("GetUtil_LoadTable: ERROR, no <Ring> <Module> line(s) in file(s) <earthworm_global.d> <earthworm.d> exiting!\n");
    }

    [Test]
    public void AnyFileMayHoldAnyCommand()
    {
        Params.Write(EwParamsFixture.GlobalFileName, "Ring R 7\nModule M 1\nMessage T 1\nInstallation I 1\n");
        Params.Write(EwParamsFixture.LocalFileName, "# empty\n");
        Assert.That(Load().GetKey("R"), Is.EqualTo(7L));
    }

    [Test]
    public void NoVariableExpansionAndQuotedNames()
    {
        AppendToLocal("Ring ${X} 5\nModule \"MOD WITH BLANK\" 99\n");
        var tables = Load();
        Assert.That(tables.GetKey("${X}"), Is.EqualTo(5L));
        Assert.That(tables.GetModIdName(99), Is.EqualTo("MOD WITH BLANK"));
        Assert.That(Diagnostics, Is.Empty);
    }

    [Test]
    public void CrlfAndLatin1CommentsAreFine()
    {
        Params.WriteBytes(EwParamsFixture.GlobalFileName,
            [.. System.Text.Encoding.Latin1.GetBytes("# Le\u00F3n, M\u00E9xico\r\n Installation INST_UNKNOWN 255 # Instituto Geof\u00F3\r\n"),
             .. "# caf\u00E9 in UTF-8\r\nMessage TYPE_ERROR 2\r\n"u8]);
        var tables = Load();
        Assert.That(tables.GetInstName(255), Is.EqualTo("INST_UNKNOWN"));
        Assert.That(tables.GetTypeName(2), Is.EqualTo("TYPE_ERROR"));
        Assert.That(Diagnostics, Is.Empty);
    }

    [Test]
    public void IncludesAreRelativeToEwParams()
    {
        Params.Write("sub/more.d", "Ring MORE_RING 3000\n");
        Params.Write("abs.d", "Ring ABS_RING 3001\n");
        AppendToLocal("@sub/more.d\n@/abs.d\nRing AFTER_RING 3002\n");
        var tables = Load();
        Assert.That(tables.GetKey("MORE_RING"), Is.EqualTo(3000L));
        Assert.That(tables.GetKey("ABS_RING"), Is.EqualTo(3001L));
        Assert.That(tables.GetKey("AFTER_RING"), Is.EqualTo(3002L));
    }

    [Test]
    public void FailedIncludeIsFatal()
    {
        AppendToLocal("@missing.d\n");
        AssertFatal($"GetUtil_LoadTable: Error opening file <{Params.PathOf("missing.d")}>; EXITING!\n");
    }

    [Test]
    public void AfterAnIncludeMessagesNameTheIncludedFileLikeC()
    {
        Params.Write("more.d", "Ring MORE_RING 3000\n");
        AppendToLocal("@more.d\nBogus 1\n");
        Load();
        Assert.That(Diagnostics, Is.EqualTo(new[] { $"GetUtil_LoadTable: <Bogus> Unknown command in <{Params.PathOf("more.d")}>.\n" }));
    }

    [Test]
    public void IncludesShareTheFiveFileLimit()
    {
        for (int i = 1; i <= 4; i++)
        {
            Params.Write($"inc{i}.d", $"@inc{i + 1}.d\n");
        }

        Params.Write("inc5.d", "Ring DEEP 1\n");
        AppendToLocal("@inc1.d\n");
        AssertFatal($"GetUtil_LoadTable: Error opening file <{Params.PathOf("inc5.d")}>; EXITING!\n");
    }
}
