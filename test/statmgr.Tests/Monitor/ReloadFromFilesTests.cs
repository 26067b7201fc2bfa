using Statmgr.Config;
using Statmgr.Monitor;
using Statmgr.Tests.Config;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

/// <summary>
/// A reload through real files: statmgr.d and descriptors in a temporary EW_PARAMS, read as a
/// start reads them, applied to a monitor on a fake clock; then a broken descriptor, refused with
/// the file and line of the fault.
/// </summary>
public class ReloadFromFilesTests : ConfigFixtureTests
{
    private MonitorHarness _h = null!;

    [SetUp]
    public void StartOnFiles()
    {
        Fixture.Write("pick.desc", ConfigTexts.Module("pick_ew", "MOD_PICK_EW", "tsec: 30  page: 2  mail: 5", "mail ops@example.org"));
        ConfigTexts.WriteMinimal(Fixture, $"Descriptor      {Fixture.PathOf("pick.desc")}");
        var reading = ConfigurationReading.Read(ConfigPath, Fixture.Environment, File.Exists, 4242, ConfigFixture.Version);
        Assert.That(reading.WouldStart, Is.True, string.Join("\n", reading.Problems.All.Select(p => p.ToCheckLine())));
        _h = new MonitorHarness();
        _h.UseConfig(reading.Result!.Config);
        _h.Start();
        _h.Log.Clear();
    }

    [Test]
    public void AnAddedDescriptorAndAChangedMailLineAreAppliedAndABrokenDescriptorIsRefused()
    {
        _h.RunUntil(T + 10);
        Fixture.Write("tank.desc", ConfigTexts.Module("tankplayer", "MOD_TANKPLAYER", "tsec: 10  page: 0  mail: 0"));
        Fixture.Write("pick.desc", ConfigTexts.Module("pick_ew", "MOD_PICK_EW", "tsec: 30  page: 2  mail: 5", "mail night@example.org"));
        ConfigTexts.WriteMinimal(Fixture, $"Descriptor      {Fixture.PathOf("pick.desc")}", $"Descriptor      {Fixture.PathOf("tank.desc")}");

        _h.Reload(Read());

        Assert.That(_h.ReloadLines, Is.EqualTo(new[]
        {
            "statmgr: reload: added tankplayer\n",
            "statmgr: reload: changed recipients of pick_ew\n",
            "statmgr: reload done\n",
        }));
        Assert.That(_h.Module(ModPick).Timer, Is.EqualTo(T), "pick_ew's timer from startup");
        Assert.That(_h.Module(ModTank).Timer, Is.EqualTo(T + 10), "tankplayer's grace from the reload");

        _h.RunUntil(T + 12);
        _h.Log.Clear();
        Fixture.Write("tank.desc", ConfigTexts.Module("tankplayer", "MOD_TANKPLAYER", "tsec: x  page: 0  mail: 0"));
        _h.Reload(Read());

        // Every problem of the reading, warnings too, then the refusal.
        Assert.That(_h.Log.Entries.Select(e => e.Text), Is.EqualTo(new[]
        {
            $"{ConfigPath}:8: warning: .d file <{Fixture.PathOf("pick.d")}> for desc file <{Fixture.PathOf("pick.desc")}> doesn't exist\n",
            $"{Fixture.PathOf("tank.desc")}:4: error: statmgr: error decoding heartbeat from descfile <{Fixture.PathOf("tank.desc")}>; exiting.\n",
            $"{ConfigPath}:9: warning: .d file <{Fixture.PathOf("tank.d")}> for desc file <{Fixture.PathOf("tank.desc")}> doesn't exist\n",
            "statmgr: reload refused; still running the configuration loaded at 2024-03-05 17:01:50 UTC\n",
        }));
        Assert.That(_h.Module(ModTank).Descriptor.HeartbeatTsec, Is.EqualTo(10), "the running configuration stays");
        _h.RunUntil(T + 21, 1);
        Assert.That(_h.Reports, Has.Count.EqualTo(1).And.Some.Contains("tankplayer (MOD_TANKPLAYER) module dead"), "and still monitors tankplayer");
    }

    private ReloadReading Read() =>
        ReloadReading.Read(ConfigPath, Fixture.Environment, File.Exists, 4242, ConfigFixture.Version, _h.Context().AttachRing, _h.Log);
}
