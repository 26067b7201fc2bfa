using System.Globalization;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>The ewring commands as the tests and the demo use them.</summary>
public class EwringToolTests
{
    private readonly TestRingKeys _keys = new();

    [TearDown]
    public void RemoveRings() => _keys.DestroyAll();

    [Test]
    public void CreatePutSniffFlagDumpDestroy()
    {
        var key = _keys.Next().ToString(CultureInfo.InvariantCulture);

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
    public void Ilp32RingsCanBeCreatedForTests()
    {
        var key = _keys.Next().ToString(CultureInfo.InvariantCulture);
        Assert.That(EwringTool.Run("create", key, "1", "--layout", "ilp32").Output, Does.EndWith("1024 bytes, ILP32\n"));
        Assert.That(EwringTool.Run("dump", key).Output, Does.Contain("keymax   1004\n"));
    }

    [Test]
    public void FailuresExitOneWithAOneLineReason()
    {
        var key = _keys.Next().ToString(CultureInfo.InvariantCulture);

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
