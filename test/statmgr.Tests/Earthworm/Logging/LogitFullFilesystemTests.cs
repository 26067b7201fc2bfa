using System.Text;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Earthworm.Logging;

/// <summary>Logit on a real filesystem that fills up (a tiny tmpfs), so the kernel makes the short writes.</summary>
[Platform(Include = "Linux")]
[NonParallelizable]
public class LogitFullFilesystemTests
{
    private const string LogName = "statmgr_20240305.log";

    private LogitHarness _harness = null!;
    private SmallFilesystem? _disk;

    [SetUp]
    public void SetUp() => _harness = new LogitHarness(new DateTimeOffset(2024, 3, 5, 12, 0, 0, TimeSpan.Zero));

    [TearDown]
    public void TearDown()
    {
        // The log file is closed before the filesystem under it goes.
        _harness.Dispose();
        _disk?.Dispose();
    }

    private string Log() => Encoding.Latin1.GetString(File.ReadAllBytes(_disk!.PathOf(LogName)));

    /// <summary>Starts logging on the small filesystem and fills it; returns the banner.</summary>
    private string StartOnAFullDisk()
    {
        _disk = SmallFilesystem.Mount();
        _harness.Environment["EW_LOG"] = _disk.Directory + "/";
        // A buffer larger than C's, so that one entry can fill the rest of the log's block.
        _harness.Logit.Init("statmgr.d", 8192, 1);
        var banner = Log();
        _disk.Fill();
        return banner;
    }

    [Test]
    public void AShortWriteLeavesNoHalfLineAndTheLossIsCountedOnceWritingWorksAgain()
    {
        var banner = StartOnAFullDisk();
        // The log's last block still has room: this entry takes all of it but 10 bytes, so the
        // next entry is written in part (a short write) and then refused.
        var filling = new string('a', Environment.SystemPageSize - banner.Length - 11) + "\n";
        _harness.Logit.Write("", filling);
        _harness.Logit.Write("t", "module dead\n");
        _harness.Logit.Write("e", "also lost\n");
        _disk!.Free();
        _harness.Time.Advance(TimeSpan.FromSeconds(5));

        _harness.Logit.Write("t", "kept\n");

        Assert.That(Log(), Is.EqualTo(
            banner + filling
            + "20240305_UTC_12:00:05 statmgr: log file writes failed from 20240305_UTC_12:00:00; 2 entries lost (No space left on device)\n"
            + "20240305_UTC_12:00:05 kept\n"));
        Assert.That(_harness.Stderr.ToString(), Is.EqualTo(
            $"statmgr: Error writing log file <{_disk.PathOf(LogName)}>: No space left on device; log entries are lost until it can be written.\n"
            + "also lost\n"));
    }
}
