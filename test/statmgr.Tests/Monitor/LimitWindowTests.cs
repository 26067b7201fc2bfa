using Statmgr.Config;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

/// <summary>
/// LimitWindow: a rule's page: and mail: limits count within a window that opens with its first
/// report, instead of over the whole run; what a used-up limit holds back is logged with a suffix
/// saying so, and counted.
/// </summary>
public class LimitWindowTests
{
    private const string Pick = "  ewhost/pick_ew (MOD_PICK_EW) ";

    [Test]
    public void HeartbeatLimitsResetAtTheWindowAndHeldBackReportsAreLoggedAndCounted()
    {
        var h = Started(h =>
        {
            h.Config.LimitWindowSeconds = 3600;
            h.Pick.HeartbeatPage = 2;
            h.Pick.HeartbeatMail = 1;
        });
        // Dead at T+31 opens the window (it ends at T+3631); back at T+100, dead again at T+131.
        h.RunUntil(T + 100);
        BeatAndRun(h, T + 100);
        h.RunUntil(T + 3630);
        // Back at T+3630, still inside the window; dead at T+3661, in a new window.
        BeatAndRun(h, T + 3630);
        h.RunUntil(T + 3662);

        const string both = " (not paged, not mailed: limit of 2 pages and 1 mail per 3600 s reached)\n";
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Utc(T + 31) + Pick + "module dead Page sent. Mail sent.\n",
            Utc(T + 100) + Pick + "module alive Page sent. (not mailed: limit of 1 mail per 3600 s reached)\n",
            Utc(T + 131) + Pick + "module dead" + both,
            Utc(T + 3630) + Pick + "module alive" + both,
            Utc(T + 3661) + Pick + "module dead Page sent. Mail sent.\n",
        }));
        Assert.That(h.Pages.Count(p => p.Contains("pick_ew", StringComparison.Ordinal)), Is.EqualTo(3));
        Assert.That(h.Mail.Sent.Select(m => m.ReportText[..(Utc(T).Length)]), Is.EqualTo(new[] { Utc(T + 31), Utc(T + 3661) }));
        var counters = h.Module(ModPick).HeartbeatCounters;
        Assert.That((counters.Suppressed, counters.Pages, counters.Mails), Is.EqualTo((3, 1, 1)));
    }

    [Test]
    public void LegacyRoutingHonoursTheWindowForEachErrorNumber()
    {
        var h = Started(h =>
        {
            h.Config.LimitWindowSeconds = 600;
            h.Config.LegacyMailRouting = true;
            h.Pick.HeartbeatTsec = 0;
            h.Pick.MailRecipients.Add("pick@example.org");
            h.Pick.Errors.Clear();
            h.Pick.Errors.Add(new ErrorRule(3, 1, 0, 1, 1, "Station dead."));
            h.Pick.Errors.Add(new ErrorRule(4, 1, 0, 1, 0, "Clock lost."));
        });
        h.SendError(ModPick, T, 3);
        h.SendError(ModPick, T, 3);
        h.SendError(ModPick, T, 4);
        h.RunUntil(T + 599);
        h.SendError(ModPick, T + 599, 3);
        h.RunUntil(T + 600);
        h.SendError(ModPick, T + 600, 3);
        h.SendError(ModPick, T + 600, 4);
        h.RunUntil(T + 601);

        const string held = " (not paged, not mailed: limit of 1 page and 1 mail per 600 s reached)\n";
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Utc(T) + "  ewhost/pick_ew Station dead. Page sent. Mail sent.\n",
            Utc(T) + "  ewhost/pick_ew Station dead." + held,
            Utc(T) + "  ewhost/pick_ew Clock lost. Page sent.\n",
            Utc(T + 599) + "  ewhost/pick_ew Station dead." + held,
            Utc(T + 600) + "  ewhost/pick_ew Station dead. Page sent. Mail sent.\n",
            Utc(T + 600) + "  ewhost/pick_ew Clock lost. Page sent.\n",
        }));
        Assert.That(h.Module(ModPick).FindError(3)!.Counters.Suppressed, Is.EqualTo(2));
        Assert.That(h.Module(ModPick).FindError(4)!.Counters.Suppressed, Is.Zero, "a limit of 0 mails holds nothing back");
    }

    [Test]
    public void ALimitOfZeroOrNoLimitGetsNoSuffix()
    {
        var h = Started(h =>
        {
            h.Config.LimitWindowSeconds = 60;
            h.Pick.HeartbeatPage = 0;
            h.Pick.HeartbeatMail = -1;
        });
        h.RunUntil(T + 32);
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 31) + Pick + "module dead Mail sent.\n" }));
        Assert.That(h.Module(ModPick).HeartbeatCounters.Suppressed, Is.Zero);
    }

    private static void BeatAndRun(MonitorHarness h, long time)
    {
        h.Beat(ModPick, time);
        h.RunUntil(time + 1);
    }
}
