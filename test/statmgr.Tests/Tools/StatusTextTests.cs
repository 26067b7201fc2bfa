using Statmgr.EwSupervisor;
using static Statmgr.Tests.Fixtures.StartstopStatus;

namespace Statmgr.Tests.Tools;

public class StatusTextTests
{
    [Test]
    public void LayoutIsStartstopsLineForLine()
    {
        var snapshot = Example(
            [new StatusRing("WAVE_RING", 1000, 1024), new StatusRing("STATUS_RING", 1050, 128)],
            [
                new StatusChildRow("statmgr", 4322, ChildState.Alive, TimeSpan.Zero, ["statmgr.d"]),
                new StatusChildRow("tankplayer", 4323, ChildState.Dead, TimeSpan.Zero, ["tankplayer.d"]),
                new StatusChildRow("copystatus", 4324, ChildState.Stop, TimeSpan.Zero, ["WAVE_RING", "HYPO_RING"]),
            ]);

        string expected =
            "                    EARTHWORM-64 SYSTEM STATUS\n" +
            "\n" +
            "        Hostname-OS:            myhost - Linux 6.1.0-18-amd64\n" +
            "        Start time (UTC):       Wed Nov 25 21:08:05 2026\n" +
            "        Current time (UTC):     Wed Nov 25 21:10:00 2026\n" +
            "        Disk space avail:       123456789 kb\n" +
            "        Ring  1 name/key/size:  WAVE_RING / 1000 / 1024 kb\n" +
            "        Ring  2 name/key/size:  STATUS_RING / 1050 / 128 kb\n" +
            "        Startstop's Log Dir:    /opt/ew/run/logs/\n" +
            "        Startstop's Params Dir: /opt/ew/run/params/\n" +
            "        Startstop's Bin Dir:    /opt/ew/bin\n" +
            "        Startstop Version:      v7.10 2019-08-13 (64 bit)\n" +
            "\n" +
            "         Process  Process               Class/    CPU\n" +
            "          Name      Id      Status     Priority   Used    Argument\n" +
            "         -------  -------   ------     --------   ----    --------\n" +
            "       startstop    4321    Alive         ??/ 0 00:00:01  startstop_unix.d\n" +
            "         statmgr    4322    Alive         ??/ 0 00:00:00  statmgr.d\n" +
            "      tankplayer    4323    Dead                          tankplayer.d\n" +
            "      copystatus    4324    Stop                          WAVE_RING HYPO_RING\n";

        Assert.That(StatusText.Format(snapshot), Is.EqualTo(expected));
    }

    [Test]
    public void RingIndexIsRightAlignedInTwoColumns()
    {
        var rings = Enumerable.Range(1, 10).Select(i => new StatusRing($"R{i}", 41000 + i, 64)).ToList();

        string text = StatusText.Format(Example(rings, []));

        Assert.That(text, Does.Contain("\n        Ring  9 name/key/size:  R9 / 41009 / 64 kb\n"));
        Assert.That(text, Does.Contain("\n        Ring 10 name/key/size:  R10 / 41010 / 64 kb\n"));
    }

    [Test]
    public void MissingDiskAndBinLinesAreLeftOutAndParentWithoutArgumentShowsDash()
    {
        var snapshot = Example([], []) with { DiskAvailKb = null, BinDir = null, ParentArgument = null };

        string text = StatusText.Format(snapshot);

        Assert.That(text, Does.Not.Contain("Disk space avail"));
        Assert.That(text, Does.Not.Contain("Bin Dir"));
        Assert.That(text, Does.EndWith("       startstop    4321    Alive         ??/ 0 00:00:01  -\n"));
    }

    [Test]
    public void RestartingChildKeepsTheRunningColumns()
    {
        var snapshot = Example([], [new StatusChildRow("pick_ew", 77, ChildState.Restarting, TimeSpan.FromSeconds(3725), ["pick_ew.d"])]);

        Assert.That(StatusText.Format(snapshot), Does.EndWith(
            "         pick_ew      77    Restarting    ??/ 0 01:02:05  pick_ew.d\n"));
    }

    [Test]
    public void LongNameKeepsItsLastFifteenCharacters()
    {
        Assert.That(StatusText.NameColumn("a_very_long_module_name"), Is.EqualTo("<ong_module_name"));
        Assert.That(StatusText.NameColumn("exactly16chars__"), Is.EqualTo("exactly16chars__"));
    }

    [Test]
    public void ArgumentsAreShortenedToTheLineLength()
    {
        var snapshot = Example([], [
            new StatusChildRow("a", 1, ChildState.Dead, TimeSpan.Zero, ["twenty_two_chars_abc.d", "more"]),
            new StatusChildRow("b", 2, ChildState.Dead, TimeSpan.Zero, ["a_much_longer_argument_than_fits.d"]),
            new StatusChildRow("c", 3, ChildState.Dead, TimeSpan.Zero, ["one", "two", "a_long_third_argument"]),
        ]);

        string[] rows = StatusText.Format(snapshot).Split('\n')[^4..^1];

        Assert.That(rows[0], Does.EndWith("  twenty_two_chars_abc.d"));
        Assert.That(rows[0], Has.Length.EqualTo(80));
        Assert.That(rows[1], Does.EndWith(" <er_argument_than_fits"));
        Assert.That(rows[1], Has.Length.EqualTo(80));
        Assert.That(rows[2], Does.EndWith(" one two>"));
    }
}
