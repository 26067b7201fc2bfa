using System.Globalization;
using Statmgr.Earthworm.Transport;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>The ewring commands as the tests and the demo use them.</summary>
public class EwringToolTests : SystemVRingTestBase
{
    [Test]
    public void CreatePutSniffFlagDumpDestroy()
    {
        var key = Keys.Next().ToString(CultureInfo.InvariantCulture);

        Assert.That(EwringTool.Run("create", key, "4"), Is.EqualTo((0, $"created {key} (key {key}): 4096 bytes, LP64\n", "")));
        Assert.That(EwringTool.Run("put", key, "1", "2", "3", "1700000000 12345\\n"), Is.EqualTo((0, $"put 1 message(s) to {key} (key {key})\n", "")));
        Assert.That(EwringTool.Run("put", key, "1", "7", "2", "tick {n}", "--count", "2").ExitCode, Is.EqualTo(0));

        Assert.That(EwringTool.Run("sniff", key, "--count", "3").Output, Is.EqualTo(
            "1 2 3 seq 0 len 17: 1700000000 12345\\n\n1 7 2 seq 0 len 6: tick 0\n1 7 2 seq 1 len 6: tick 1\n"));
        Assert.That(EwringTool.Run("sniff", key, "--count", "1", "--logo", "0", "7", "0").Output, Is.EqualTo("1 7 2 seq 0 len 6: tick 0\n"));

        Assert.That(EwringTool.Run("flag", key).Output, Is.EqualTo("0\n"));
        Assert.That(EwringTool.Run("flag", key, "TERMINATE").Output, Is.EqualTo($"{key} flag: TERMINATE (-999)\n"));
        Assert.That(EwringTool.Run("sniff", key).Output, Does.EndWith($"{key}: flag -999, stopping\n"));
        using (var ring = SystemVRing.Attach("TEST", long.Parse(key, CultureInfo.InvariantCulture)))
        {
            Assert.That(ring.Flag, Is.EqualTo(-999));
        }
        Assert.That(EwringTool.Run("flag", key, "1234").Output, Is.EqualTo($"{key} flag: pid 1234\n"));

        var dump = EwringTool.Run("dump", key).Output.Split('\n');
        Assert.That(dump[1], Is.EqualTo("layout   LP64 (SHM_HEAD 40 bytes, TPORT_HEAD 24 bytes, 64-bit keys)"));
        Assert.That(dump[3..9], Is.EqualTo(new[] { "nbytes   4096", "keymax   4056", "keyin    101", "keyold   0", "flag     1234", "in ring  101 bytes; max body 4032" }));

        Assert.That(EwringTool.Run("destroy", key), Is.EqualTo((0, $"destroyed {key} (key {key})\n", "")));
        Assert.That(SystemVRing.Exists(long.Parse(key, CultureInfo.InvariantCulture)), Is.False);
    }

    [Test]
    public void NamesComeFromEwParamsLikeAnyModule()
    {
        var key = Keys.Next();
        var flagKey = Keys.Next();
        using var ewParams = EwParamsFixture.CreateEmpty();
        ewParams.Write(EwParamsFixture.GlobalFileName,
            " Installation INST_WILDCARD 0\n Installation INST_MENLO 2\n Message TYPE_WILDCARD 0\n Message TYPE_ERROR 2\n Message TYPE_HEARTBEAT 3\n");
        ewParams.Write(EwParamsFixture.LocalFileName,
            $" Ring TEST_RING {key}\n Ring FLAG_RING {flagKey}\n Module MOD_WILDCARD 0\n Module MOD_STATMGR 2\n Module MOD_PICK_EW 3\n");
        var dir = ewParams.Directory;

        Assert.That(EwringTool.RunWith(dir, "create", "TEST_RING", "1").Output, Is.EqualTo($"created TEST_RING (key {key}): 1024 bytes, LP64\n"));
        Assert.That(EwringTool.RunWith(dir, "put", "TEST_RING", "INST_MENLO", "MOD_PICK_EW", "TYPE_HEARTBEAT", "1700000000 12345\\n").ExitCode, Is.EqualTo(0));
        Assert.That(EwringTool.RunWith(dir, "put", "TEST_RING", "2", "9", "2", "unnamed module").ExitCode, Is.EqualTo(0));

        Assert.That(EwringTool.RunWith(dir, "sniff", "TEST_RING", "--count", "2").Output, Is.EqualTo(
            "INST_MENLO MOD_PICK_EW TYPE_HEARTBEAT seq 0 len 17: 1700000000 12345\\n\nINST_MENLO 9 TYPE_ERROR seq 0 len 14: unnamed module\n"));
        Assert.That(EwringTool.RunWith(dir, "sniff", key.ToString(CultureInfo.InvariantCulture), "--count", "1", "--logo", "0", "0", "TYPE_ERROR").Output,
            Does.StartWith("INST_MENLO 9 TYPE_ERROR"));
        Assert.That(EwringTool.RunWith(dir, "put", "TEST_RING", "INST_MENLO", "MOD_NOPE", "TYPE_ERROR", "x"),
            Is.EqualTo((1, "", "ewring: GetModId: Invalid module name <MOD_NOPE>\n")));
        Assert.That(EwringTool.RunWith(dir, "dump", "NO_RING").Error, Is.EqualTo("ewring: GetKey: Invalid ring name <NO_RING>\n"));
        Assert.That(EwringTool.RunWith(dir, "create", "FLAG_RING").Error,
            Is.EqualTo($"ewring: FLAG_RING (key {flagKey}) is startstop's flag ring; ewring does not touch it\n"));
        Assert.That(SystemVRing.Exists(flagKey), Is.False);
    }

    [Test]
    public void Ilp32RingsCanBeCreatedForTests()
    {
        var key = Keys.Next().ToString(CultureInfo.InvariantCulture);
        Assert.That(EwringTool.Run("create", key, "1", "--layout", "ilp32").Output, Does.EndWith("1024 bytes, ILP32\n"));
        Assert.That(EwringTool.Run("dump", key).Output, Does.Contain("keymax   1004\n"));
    }

    [Test]
    public void FailuresExitOneWithAOneLineReason()
    {
        var key = Keys.Next().ToString(CultureInfo.InvariantCulture);

        Assert.That(EwringTool.Run("dump", key), Is.EqualTo((1, "",
            $"ewring: transport ring {key} (key {key}) does not exist; startstop normally creates it from its Ring lines\n")));
        Assert.That(EwringTool.Run("destroy", key), Is.EqualTo((1, "", $"ewring: there is no ring {key} (key {key})\n")));
        Assert.That(EwringTool.Run("dump", "WAVE_RING").Error, Is.EqualTo(
            "ewring: EW_PARAMS is not set, so the name WAVE_RING cannot be looked up (give a number)\n"));
        Assert.That(EwringTool.Run("put", key, "1", "2", "300", "x").Error, Is.EqualTo("ewring: 300 is not 0-255\n"));
        var usage = EwringTool.Run("frobnicate");
        Assert.That(usage.ExitCode, Is.EqualTo(1));
        Assert.That(usage.Error, Does.StartWith("ewring: usage: ewring create RING [SIZE_KB] | destroy RING | put RING").And.EndWith("\n"));
        Assert.That(usage.Error.Count(c => c == '\n'), Is.EqualTo(1));
    }
}
