using Statmgr.Earthworm.Kom;
using Statmgr.Earthworm.Tables;
using Statmgr.Earthworm;

namespace Statmgr.Tests.Earthworm.Tables;

/// <summary>getutil's lookups, both ways, with C's failure codes and messages.</summary>
public class TableLookupTests : TablesTestBase
{
    [TestCase("WAVE_RING", 1000L)]
    [TestCase("STATUS_RING", 1050L)]
    [TestCase("FLAG_RING", 2000L)]
    public void RingKeysBothWays(string name, long key)
    {
        var tables = Load();
        Assert.That(tables.GetKey(name), Is.EqualTo(key));
        Assert.That(tables.GetKeyName(key), Is.EqualTo(name));
    }

    [Test]
    public void UnknownRingIsMinusOneWithMessage()
    {
        var tables = Load();
        Assert.That(tables.GetKey("wave_ring"), Is.EqualTo(-1L));
        Assert.That(Diagnostics, Is.EqualTo(new[] { "GetKey: Invalid ring name <wave_ring>\n" }));
        Assert.That(tables.GetKeyName(1001), Is.Null);
    }

    [Test]
    public void KeyWithDefaultIsSilent()
    {
        var tables = Load();
        Assert.That(tables.GetKeyWithDefault("NAMED_EVENT_RING", 9999), Is.EqualTo(9999L));
        Assert.That(tables.GetKeyWithDefault("FLAG_RING", 9999), Is.EqualTo(2000L));
        Assert.That(Diagnostics, Is.Empty);
    }

    [TestCase("module", "MOD_WILDCARD", 0)]
    [TestCase("module", "MOD_STARTSTOP", 1)]
    [TestCase("module", "MOD_STATMGR", 2)]
    [TestCase("module", "MOD_PICK_EW", 3)]
    [TestCase("module", "MOD_TANKPLAYER", 4)]
    [TestCase("module", "MOD_WAVESERVERV", 5)]
    [TestCase("module", "MOD_STATUS", 6)]
    [TestCase("module", "MOD_RESTART", 7)]
    [TestCase("type", "TYPE_WILDCARD", 0)]
    [TestCase("type", "TYPE_ERROR", 2)]
    [TestCase("type", "TYPE_HEARTBEAT", 3)]
    [TestCase("type", "TYPE_TRACEBUF2", 19)]
    [TestCase("type", "TYPE_PAGE", 104)]
    [TestCase("type", "TYPE_RESTART", 107)]
    [TestCase("type", "TYPE_REQSTATUS", 108)]
    [TestCase("type", "TYPE_STATUS", 109)]
    [TestCase("type", "TYPE_STOP", 113)]
    [TestCase("installation", "INST_WILDCARD", 0)]
    [TestCase("installation", "INST_MENLO", 2)]
    [TestCase("installation", "INST_UNKNOWN", 255)]
    public void NamesAndNumbersBothWays(string table, string name, int number)
    {
        Assert.That(Lookup(Load(), table, name, (byte)number), Is.EqualTo((0, (byte)number, (string?)name)));
        Assert.That(Diagnostics, Is.Empty);
    }

    [TestCase("module", "MOD_NOPE", 200, "GetModId: Invalid module name <MOD_NOPE>\n")]
    [TestCase("type", "TYPE_NOPE", 200, "GetType: Invalid message-type name <TYPE_NOPE>\n")]
    [TestCase("installation", "INST_NOPE", 7, "GetInst: Invalid installation name <INST_NOPE>\n")]
    public void UnknownNameIsMinusOneNumberZeroWithMessage(string table, string name, int unusedNumber, string message)
    {
        Assert.That(Lookup(Load(), table, name, (byte)unusedNumber), Is.EqualTo((-1, (byte)0, (string?)null)));
        Assert.That(Diagnostics, Is.EqualTo(new[] { message }));
    }

    /// <summary>One of the byte-valued tables both ways: C's return code and the number for the name, and the name for the number.</summary>
    private static (int Code, byte Number, string? Name) Lookup(EarthwormTables tables, string table, string name, byte number) => table switch
    {
        "module" => (tables.GetModId(name, out var id), id, tables.GetModIdName(number)),
        "type" => (tables.GetMessageType(name, out var type), type, tables.GetTypeName(number)),
        _ => (tables.GetInst(name, out var inst), inst, tables.GetInstName(number)),
    };

    [Test]
    public void LocalInstallationFound()
    {
        Assert.That(Load().GetLocalInst("INST_MENLO", out byte id), Is.EqualTo(0));
        Assert.That(id, Is.EqualTo(2));
        Assert.That(Diagnostics, Is.Empty);
    }

    [Test]
    public void LocalInstallationUnset()
    {
        Assert.That(Load().GetLocalInst(null, out byte id), Is.EqualTo(-1));
        Assert.That(id, Is.EqualTo(0));
        Assert.That(Diagnostics, Is.EqualTo(new[] { "GetLocalInst: Environment variable EW_INSTALLATION not defined.\n" }));
    }

    [Test]
    public void LocalInstallationEmpty()
    {
        Assert.That(Load().GetLocalInst("", out _), Is.EqualTo(-2));
        Assert.That(Diagnostics, Is.EqualTo(new[] { "GetLocalInst: Environment variable EW_INSTALLATION defined, but has no value.\n" }));
    }

    [Test]
    public void LocalInstallationUnknown()
    {
        Assert.That(Load().GetLocalInst("INST_NOPE", out byte id), Is.EqualTo(-3));
        Assert.That(id, Is.EqualTo(0));
        Assert.That(Diagnostics, Is.EqualTo(new[]
        {
            "GetInst: Invalid installation name <INST_NOPE>\n",
            "GetLocalInst: Environment variable EW_INSTALLATION has invalid value <INST_NOPE>\n",
        }));
    }

    [Test]
    public void SharedReaderKeepsTheCallersFileAndLine()
    {
        using var reader = new CommandFileReader(_ => null, Diagnostics.Add);
        reader.Open(Params.Write("statmgr.d", "MyModuleId MOD_STATMGR\nnext line\n"));
        reader.ReadLine();
        Assert.That(reader.NextToken(), Is.EqualTo("MyModuleId"));

        var tables = EarthwormTables.Load(Params.Directory, Diagnostics.Add, reader);
        Assert.That(tables.GetModId(reader.NextToken()!, out byte id), Is.EqualTo(0));
        Assert.That(id, Is.EqualTo(2));
        Assert.That(reader.OpenFileCount, Is.EqualTo(1));
        reader.ReadLine();
        Assert.That(reader.Line, Is.EqualTo("next line"));
    }

    [Test]
    public void SharedReaderShowsTheFaultyLineAndIsRestoredAfterAFatalError()
    {
        AppendToLocal("\nModule MOD_BAD 300\n");
        using var reader = new CommandFileReader(_ => null);
        string top = Params.Write("statmgr.d", "MyModuleId MOD_STATMGR\n");
        reader.Open(top);
        reader.ReadLine();
        string? locationAtMessage = null;
        Assert.Throws<EarthwormExitException>(() => EarthwormTables.Load(
            Params.Directory,
            _ => locationAtMessage = $"{reader.CurrentFile}:{reader.CurrentLineNumber}",
            reader));
        Assert.That(locationAtMessage, Is.EqualTo($"{LocalPath}:22"));
        Assert.That(reader.CurrentFile, Is.EqualTo(top));
        Assert.That(reader.Line, Is.EqualTo("MyModuleId MOD_STATMGR"));
    }

    [Test]
    public void SharedReaderCountsTowardsTheFiveFileLimit()
    {
        using var reader = new CommandFileReader(_ => null);
        for (int i = 1; i <= 5; i++)
        {
            reader.Open(Params.Write($"n{i}.d", "x\n"));
        }

        var exit = Assert.Throws<EarthwormExitException>(() => EarthwormTables.Load(Params.Directory, Diagnostics.Add, reader));
        Assert.That(exit!.Message, Is.EqualTo($"GetUtil_LoadTable: Error opening file <{GlobalPath}>; EXITING!\n"));
        Assert.That(reader.OpenFileCount, Is.EqualTo(5));
    }
}
