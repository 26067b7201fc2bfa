using Statmgr.Earthworm.Transport;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

/// <summary>
/// A configuration without any alert policy command behaves as before the policy existed: the
/// same scripted run gives the same log lines and ring messages, byte for byte. The expected
/// values were taken from the code before the policy was added.
/// </summary>
public class PolicyCommandsAbsentTests
{
    [Test]
    public void PolicyCommandsAbsentGiveTheSameLogLinesAndRingMessages()
    {
        var h = MonitorHarness.Started(h =>
        {
            h.Pick.RestartMe = true;
            h.AddModule("tankplayer", "MOD_TANKPLAYER", ModTank, 20, 1, 1);
        });
        h.Beat(ModTank, T + 1);
        h.BeatAt(ModPick, T + 1, "4321");      // pick dies at T+32 and is restarted; tank dies at T+22
        h.BeatAt(ModPick, T + 45, "4400");     // pick is back
        h.SendError(ModPick, T + 46, 3, "station XYZ dead");
        h.BeatAt(ModTank, T + 100);            // tank is back; pick died at T+76 and is restarted
        h.RunUntil(T + 200);                   // tank dies again at T+121

        Assert.That(h.Log.Entries, Is.EqualTo(new (string, string)[]
        {
        }));
        Assert.That(h.Ring.Puts.Select(p => (p.Logo, Text(p.Body))), Is.EqualTo(new (Logo, string)[]
        {
        }));
    }
}
