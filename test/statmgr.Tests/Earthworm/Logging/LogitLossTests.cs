using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests.Earthworm.Logging;

/// <summary>How logit accounts for entries its file refuses, on a file that fails on demand.</summary>
public class LogitLossTests
{
    private MemoryAppendFile _file = null!;
    private LogitHarness _harness = null!;
    private int _bannerLength;

    [SetUp]
    public void SetUp()
    {
        _harness = new LogitHarness(new DateTimeOffset(2024, 3, 5, 12, 0, 0, TimeSpan.Zero), path => _file = new MemoryAppendFile(path));
        _harness.InitWithLogFile();
        _bannerLength = _file.Text.Length;
    }

    [TearDown]
    public void TearDown() => _harness.Dispose();

    private string Entries() => _file.Text[_bannerLength..];

    /// <summary>Logs an entry on a disk with <paramref name="room"/> bytes left (null: no limit).</summary>
    private void Write(int? room, string flags, string text)
    {
        _file.Room = room;
        _harness.Logit.Write(flags, text);
    }

    private string Notice =>
        $"statmgr: Error writing log file <{_file.Path}>: {MemoryAppendFile.NoSpace}; log entries are lost until it can be written.\n";

    [Test]
    public void EachSpellOfFailuresIsReportedOnceAndCountedByTheFirstEntryThatFits()
    {
        Write(0, "t", "lost 1\n");
        Write(0, "t", "lost 2\n");
        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        Write(null, "t", "kept\n");
        Write(0, "", "lost 3\n");
        Write(null, "", "kept again\n");

        Assert.That(Entries(), Is.EqualTo(
            "20240305_UTC_12:00:05 statmgr: log file writes failed from 20240305_UTC_12:00:00; 2 entries lost (No space left on device)\n"
            + "20240305_UTC_12:00:05 kept\n"
            + "20240305_UTC_12:00:05 statmgr: log file writes failed from 20240305_UTC_12:00:05; 1 entry lost (No space left on device)\n"
            + "kept again\n"));
        Assert.That(_harness.Stderr.ToString(), Is.EqualTo(Notice + Notice));
        Assert.That(_harness.Logit.Losses, Is.EqualTo(new LogLosses(3, 2, MemoryAppendFile.NoSpace)));
    }

    [Test]
    public void TheCountIsNeverWrittenWithoutTheEntryThatEndsTheSpell()
    {
        Write(0, "", "lost 1\n");
        // Room for this entry, not for the count before it: both wait.
        Write(20, "", "lost 2\n");
        Write(null, "", "kept\n");

        Assert.That(Entries(), Is.EqualTo(
            "20240305_UTC_12:00:00 statmgr: log file writes failed from 20240305_UTC_12:00:00; 2 entries lost (No space left on device)\nkept\n"));
        Assert.That(_harness.Stderr.ToString(), Is.EqualTo(Notice));
    }
}
