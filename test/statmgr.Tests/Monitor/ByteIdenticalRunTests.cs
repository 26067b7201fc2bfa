using System.Text;
using Statmgr.Config;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

/// <summary>
/// A configuration that uses none of the alert policy commands must behave as before they
/// existed: the same log entries and the same ring messages, byte for byte, for the same run.
/// The expected texts were recorded from the code before LimitWindow, HeartbeatClock and
/// HeartbeatSkew were added.
/// </summary>
public class ByteIdenticalRunTests
{
    [Test]
    public void ScriptedRunWithoutAlertPolicyCommandsLogsAndPutsWhatItDidBefore()
    {
        var h = new MonitorHarness();
        h.Pick.HeartbeatPage = 2;
        h.Pick.HeartbeatMail = 1;
        h.Pick.Errors.Add(new ErrorRule(4, 2, 10, 1, 1, "Picks late."));
        var tank = h.AddModule("tankplayer", "MOD_TANKPLAYER", ModTank, tsec: 20, page: -1, mail: -1);
        tank.RestartMe = true;
        h.Start();

        // Pick beats 50 s behind statmgr's clock (under a minute), dies, comes back, dies again,
        // and comes back once more after its limits are used up; it also sends errors past their limits.
        h.Beat(ModPick, T - 50, "3131");
        h.Beat(ModTank, T, "4141");
        h.RunUntil(T + 10);
        h.SendError(ModPick, T + 10, 3, "Station XYZ dead");
        h.SendError(ModPick, T + 10, 3);
        h.SendError(ModPick, T + 11, 4);
        h.SendError(ModPick, T + 12, 4, "late\n");
        h.SendError(ModPick, T + 12, 99, "not listed");
        h.Ring.Enqueue(From(9, Types.Heartbeat), $"{T + 12}\n");
        h.Ring.Enqueue(From(ModPick, Types.Heartbeat), "12x\n");
        h.RunUntil(T + 60);
        h.Beat(ModPick, T + 60, "3131");
        h.RunUntil(T + 200);
        h.Beat(ModPick, T + 200, "3131");
        h.RunUntil(T + 240);
        h.Stop.Request();
        Assert.That(h.Manager!.RunPass().Stop, Is.True);
        h.Manager.Stop();

        Assert.That(Transcript(h), Is.EqualTo(Expected));
    }

    /// <summary>Every log entry (flags, text) and every put (logo, body), in order, as one text to compare.</summary>
    private static string Transcript(MonitorHarness h)
    {
        var text = new StringBuilder();
        foreach (var (flags, line) in h.Log.Entries)
        {
            text.Append("log ").Append(flags).Append(": ").Append(line);
        }
        foreach (var (logo, body) in h.Ring.Puts)
        {
            text.Append($"put {logo.Installation}/{logo.Module}/{logo.Type}: ").Append(Text(body)).Append('\n');
        }
        foreach (var mail in h.Mail.Sent)
        {
            text.Append("mail ").Append(string.Join(",", mail.Recipients)).Append(": ").Append(mail.ReportText);
        }
        return text.ToString();
    }

    private const string Expected = """
        log e: UTC_Tue Mar  5 17:01:40 2024  ewhost/statmgr Program starting. Page sent. Mail sent.
        log e: UTC_Tue Mar  5 17:01:40 2024  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.
        log e: UTC_Tue Mar  5 17:01:50 2024  ewhost/pick_ew Station XYZ dead Page sent. Mail sent.
        log e: UTC_Tue Mar  5 17:01:50 2024  ewhost/pick_ew Station dead. Mail sent.
        log e: UTC_Tue Mar  5 17:01:52 2024  ewhost/pick_ew late  Page sent. Mail sent.
        log e: UTC_Tue Mar  5 17:01:50 2024  ewhost/statmgr msg from unknown module  (statmgr doesn't have a .desc file for this one) inst:2 mod:9 typ:3
        log e: UTC_Tue Mar  5 17:01:50 2024  ewhost/statmgr error decoding heartbeat time, non-numeric char <x> found at position 2, from mod:3
        log e: UTC_Tue Mar  5 17:02:01 2024  ewhost/tankplayer (MOD_TANKPLAYER) module dead Page sent. Mail sent.
        log et: Statmgr: sent restart request for tankplayer pid 4141
        log e: UTC_Tue Mar  5 17:02:40 2024  ewhost/pick_ew (MOD_PICK_EW) module alive Page sent.
        log e: UTC_Tue Mar  5 17:03:11 2024  ewhost/pick_ew (MOD_PICK_EW) module dead
        log e: UTC_Tue Mar  5 17:05:00 2024  ewhost/pick_ew (MOD_PICK_EW) module alive
        log e: UTC_Tue Mar  5 17:05:31 2024  ewhost/pick_ew (MOD_PICK_EW) module dead
        log e: UTC_Tue Mar  5 17:05:40 2024  ewhost/statmgr Program stopping. Page sent. Mail sent.
        put 2/2/104: group: ops UTC_Tue Mar  5 17:01:40 2024  ewhost/statmgr Program starting. Page sent. Mail sent.
        #
        put 2/2/104: group: ops UTC_Tue Mar  5 17:01:40 2024  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.
        #
        put 2/2/104: group: ops UTC_Tue Mar  5 17:01:50 2024  ewhost/pick_ew Station XYZ dead Page sent. Mail sent.
        #
        put 2/2/104: group: ops UTC_Tue Mar  5 17:01:52 2024  ewhost/pick_ew late  Page sent. Mail sent.
        #
        put 2/2/104: group: ops UTC_Tue Mar  5 17:02:01 2024  ewhost/tankplayer (MOD_TANKPLAYER) module dead Page sent. Mail sent.
        #
        put 2/2/107: 4141

        put 2/2/104: alive:ewhost#
        put 2/2/104: group: ops UTC_Tue Mar  5 17:02:40 2024  ewhost/pick_ew (MOD_PICK_EW) module alive Page sent.
        #
        put 2/2/104: alive:ewhost#
        put 2/2/104: alive:ewhost#
        put 2/2/104: alive:ewhost#
        put 2/2/104: group: ops UTC_Tue Mar  5 17:05:40 2024  ewhost/statmgr Program stopping. Page sent. Mail sent.
        #
        mail ops@example.org,boss@example.org: UTC_Tue Mar  5 17:01:40 2024  ewhost/statmgr Program starting. Page sent. Mail sent.
        mail ops@example.org,boss@example.org: UTC_Tue Mar  5 17:01:40 2024  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.
        mail ops@example.org,boss@example.org: UTC_Tue Mar  5 17:01:50 2024  ewhost/pick_ew Station XYZ dead Page sent. Mail sent.
        mail ops@example.org,boss@example.org: UTC_Tue Mar  5 17:01:50 2024  ewhost/pick_ew Station dead. Mail sent.
        mail ops@example.org,boss@example.org: UTC_Tue Mar  5 17:01:52 2024  ewhost/pick_ew late  Page sent. Mail sent.
        mail ops@example.org,boss@example.org: UTC_Tue Mar  5 17:02:01 2024  ewhost/tankplayer (MOD_TANKPLAYER) module dead Page sent. Mail sent.
        mail ops@example.org,boss@example.org: UTC_Tue Mar  5 17:05:40 2024  ewhost/statmgr Program stopping. Page sent. Mail sent.
        """ + "\n";
}
