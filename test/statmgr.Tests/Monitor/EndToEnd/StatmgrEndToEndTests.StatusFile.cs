using System.Diagnostics;
using System.Text.Json;
using Statmgr.Status;
using static Statmgr.Tests.Monitor.EndToEnd.StatmgrSite;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>The status file: kept beside the log while statmgr runs, the last one left when it stops.</summary>
public partial class StatmgrEndToEndTests
{
    private string StatusPath => Path.Combine(_site.LogDirectory, "statmgr_status.json");

    /// <summary>Reads the status file until <paramref name="done"/> holds; fails after <paramref name="timeout"/>.</summary>
    private StatusSnapshot WaitForSnapshot(Func<StatusSnapshot, bool> done, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        StatusSnapshot? snapshot = null;
        while (waited.Elapsed < timeout)
        {
            if (File.Exists(StatusPath))
            {
                // Renamed into place whole: whatever is there parses.
                snapshot = JsonSerializer.Deserialize(File.ReadAllBytes(StatusPath), StatusJson.Default.StatusSnapshot)!;
                if (done(snapshot))
                {
                    return snapshot;
                }
            }
            Thread.Sleep(50);
        }
        Assert.Fail($"the status file did not show it within {timeout}; last: {(snapshot is null ? "no file" : JsonSerializer.Serialize(snapshot, StatusJson.Default.StatusSnapshot))}\n{_site.Log()}");
        return null!;
    }

    [Test]
    public void TheStatusFileFollowsAModuleThatDiesAndIsLeftWhenStatmgrStops()
    {
        _site.WriteConfig(pickTsec: 3);
        _site.CreateRing("STATUS_RING", _site.StatusKey);
        var statmgr = _site.StartStatmgr();
        _site.WaitForLog(StartupReport, StartupLimit);

        using var module = _site.StartModule(_site.StatusKey, ModPick, 500, 1500);
        Assert.That(module.WaitForExit(30_000), Is.True);
        var dead = WaitForSnapshot(s => s.Modules.Any(m => m.Name == "pick_ew" && m.State == ModuleState.RestartRequested), TimeSpan.FromSeconds(15));

        var pick = dead.Modules.Single(m => m.Name == "pick_ew");
        Assert.That((pick.Pid, pick.Ring, pick.RestartsRequested, pick.Tsec), Is.EqualTo((module.Id.ToString(), "STATUS_RING", 1, 3)));
        Assert.That(dead.Modules.Single(m => m.Name == "tankplayer").State, Is.EqualTo(ModuleState.NotMonitored));
        Assert.That((dead.Statmgr.Pid, dead.Statmgr.Config), Is.EqualTo((statmgr.Id, "statmgr.d")));
        Assert.That(dead.Rings.Single().Name, Is.EqualTo("STATUS_RING"));
        Assert.That(dead.Rings.Single().MessagesRead, Is.GreaterThanOrEqualTo(3), "the module's heartbeats");

        _site.Terminate();
        Assert.That(_site.WaitForExit(TimeSpan.FromSeconds(15)), Is.Zero);
        var last = JsonSerializer.Deserialize(File.ReadAllBytes(StatusPath), StatusJson.Default.StatusSnapshot)!;
        Assert.That(last.TakenAt, Is.GreaterThanOrEqualTo(dead.TakenAt));
        Assert.That(Directory.GetFiles(_site.LogDirectory, "statmgr_status*").Select(Path.GetFileName), Is.EqualTo(new[] { "statmgr_status.json" }),
            "no temp file left");
    }
}
