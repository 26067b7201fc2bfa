using Statmgr.Earthworm.Logging;
using Statmgr.Monitor;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

/// <summary>statmgr's alarm when its log file loses entries (a full disk): a page, once per spell of failures.</summary>
public class LogLossTests
{
    private const string Report = "  ewhost/statmgr log file writes failed (No space left on device); log entries are lost until it can be written. Page sent.\n";

    private static MonitorHarness Started()
    {
        var h = MonitorHarness.Started(h => h.Pick.HeartbeatTsec = 0);
        h.Ring.Puts.Clear();
        return h;
    }

    [Test]
    public void ASpellOfLostEntriesIsPagedOnceToTheOwnPageGroups()
    {
        var h = Started();
        h.RunUntil(T + 2);
        h.LogLosses = new LogLosses(1, 1, "No space left on device");
        h.RunUntil(T + 5);
        h.LogLosses = new LogLosses(7, 1, "No space left on device");
        h.RunUntil(T + 9);

        Assert.That(h.Pages, Is.EqualTo(new[] { "group: ops " + Utc(T + 2) + Report + "#" }));
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 2) + Report }));
        Assert.That(h.Mail.Sent, Is.Empty, "paged, not mailed");
        Assert.That(h.Manager!.LogLosses.Entries, Is.EqualTo(7));
    }

    [Test]
    public void EverySpellIsPagedUpToTheLimit()
    {
        var h = Started();
        for (var spell = 1; spell <= LogLossReporter.PageLimit + 2; spell++)
        {
            h.LogLosses = new LogLosses(spell, spell, "No space left on device");
            h.RunUntil(T + spell);
        }

        Assert.That(h.Pages, Has.Count.EqualTo(LogLossReporter.PageLimit));
        Assert.That(h.Reports, Has.Count.EqualTo(LogLossReporter.PageLimit + 2), "logged every time");
        Assert.That(h.Reports[^1], Does.EndWith("log entries are lost until it can be written.\n"));
    }
}
