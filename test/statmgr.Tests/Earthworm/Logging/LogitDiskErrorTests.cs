using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests.Earthworm.Logging;

[Platform(Include = "Linux")]
public class LogitDiskErrorTests
{
    private LogitHarness _harness = null!;

    [SetUp]
    public void SetUp() => _harness = new LogitHarness(new DateTimeOffset(2024, 3, 5, 12, 0, 0, TimeSpan.Zero));

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public void FullDiskLosesEntriesButNotTheProcessAndSaysSoOnceOnStderr()
    {
        // /dev/full accepts open(2) and fails every write with ENOSPC: the banner is the first loss.
        var path = _harness.PathOf("statmgr_20240305.log");
        File.CreateSymbolicLink(path, "/dev/full");
        _harness.InitWithLogFile();

        Assert.DoesNotThrow(() => _harness.Logit.Write("et", "entry\n"));
        Assert.DoesNotThrow(() => _harness.Logit.Write("t", "another\n"));
        Assert.That(_harness.Stderr.ToString(), Is.EqualTo(
            $"statmgr: Error writing log file <{path}>: No space left on device; log entries are lost until it can be written.\n"
            + "20240305_UTC_12:00:00 entry\n"));
        Assert.That(_harness.Stdout.ToString(), Is.Empty);
        Assert.That(_harness.Logit.Losses, Is.EqualTo(new LogLosses(3, 1, "No space left on device")));
    }

    [Test]
    public void EntriesGoToTheEndOfATruncatedFile()
    {
        // logrotate's copytruncate empties the file under a running module; like C's "a" mode,
        // the next entry must start the file again, not land at the old offset behind a hole.
        _harness.InitWithLogFile();
        _harness.Logit.Write("", "first\n");
        File.WriteAllBytes(_harness.PathOf("statmgr_20240305.log"), []);

        _harness.Logit.Write("", "second\n");

        Assert.That(_harness.Read("statmgr_20240305.log"), Is.EqualTo("second\n"));
    }

    [Test]
    public void EntriesFromAnotherWriterAreNotOverwritten()
    {
        _harness.InitWithLogFile();
        var path = _harness.PathOf("statmgr_20240305.log");
        var banner = _harness.Read("statmgr_20240305.log");
        File.AppendAllText(path, "other process\n");

        _harness.Logit.Write("", "mine\n");

        Assert.That(_harness.Read("statmgr_20240305.log"), Is.EqualTo(banner + "other process\nmine\n"));
    }
}
