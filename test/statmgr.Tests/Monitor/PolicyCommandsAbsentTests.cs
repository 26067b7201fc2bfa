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
            ("e", "UTC_Tue Mar  5 17:02:02 2024  ewhost/tankplayer (MOD_TANKPLAYER) module dead Page sent. Mail sent.\n"),
            ("e", "UTC_Tue Mar  5 17:02:12 2024  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.\n"),
            ("et", "Statmgr: sent restart request for pick_ew pid 4321\n"),
            ("e", "UTC_Tue Mar  5 17:02:25 2024  ewhost/pick_ew (MOD_PICK_EW) module alive Page sent. Mail sent.\n"),
            ("e", "UTC_Tue Mar  5 17:02:26 2024  ewhost/pick_ew station XYZ dead Page sent. Mail sent.\n"),
            ("e", "UTC_Tue Mar  5 17:02:56 2024  ewhost/pick_ew (MOD_PICK_EW) module dead Mail sent.\n"),
            ("et", "Statmgr: sent restart request for pick_ew pid 4400\n"),
            ("e", "UTC_Tue Mar  5 17:03:20 2024  ewhost/tankplayer (MOD_TANKPLAYER) module alive\n"),
            ("e", "UTC_Tue Mar  5 17:03:41 2024  ewhost/tankplayer (MOD_TANKPLAYER) module dead\n"),
        }));
        Assert.That(h.Ring.Puts.Select(p => (p.Logo, Text(p.Body))), Is.EqualTo(new (Logo, string)[]
        {
            (new Logo(2, 2, 104), "group: ops UTC_Tue Mar  5 17:01:40 2024  ewhost/statmgr Program starting. Page sent. Mail sent.\n#"),
            (new Logo(2, 2, 104), "group: ops UTC_Tue Mar  5 17:02:02 2024  ewhost/tankplayer (MOD_TANKPLAYER) module dead Page sent. Mail sent.\n#"),
            (new Logo(2, 2, 104), "group: ops UTC_Tue Mar  5 17:02:12 2024  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.\n#"),
            (new Logo(2, 2, 107), "4321\n"),
            (new Logo(2, 2, 104), "group: ops UTC_Tue Mar  5 17:02:25 2024  ewhost/pick_ew (MOD_PICK_EW) module alive Page sent. Mail sent.\n#"),
            (new Logo(2, 2, 104), "group: ops UTC_Tue Mar  5 17:02:26 2024  ewhost/pick_ew station XYZ dead Page sent. Mail sent.\n#"),
            (new Logo(2, 2, 104), "alive:ewhost#"),
            (new Logo(2, 2, 107), "4400\n"),
            (new Logo(2, 2, 104), "alive:ewhost#"),
            (new Logo(2, 2, 104), "alive:ewhost#"),
        }));
    }
}
