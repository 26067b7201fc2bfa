using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests.Earthworm.Logging;

public class LogitRolloverTests() : LoggingStartedTests(new DateTimeOffset(2024, 3, 5, 23, 59, 55, TimeSpan.Zero), OldName)
{
    private const string OldName = "statmgr_20240305.log";
    private const string NewName = "statmgr_20240306.log";

    [Test]
    public void NewUtcDateContinuesInANewFileWithoutBanner()
    {
        Harness.Logit.Write("t", "before midnight\n");
        Harness.Time.Advance(TimeSpan.FromSeconds(10));
        Harness.Logit.Write("t", "after midnight\n");

        Assert.That(
            Harness.Read(OldName)[BannerLength..],
            Is.EqualTo(
                "20240305_UTC_23:59:55 before midnight\n" +
                "UTC date changed; log output continues in file <statmgr_20240306.log>\n"));
        Assert.That(
            Harness.Read(NewName),
            Is.EqualTo(
                "UTC date changed; log output continues from file <statmgr_20240305.log>\n" +
                "20240306_UTC_00:00:05 after midnight\n"));
        Assert.That(Harness.Logit.CurrentFilePath, Is.EqualTo(Harness.Directory + "/" + NewName));
    }

    [Test]
    public void NothingHappensAtMidnightWithoutAnEntry()
    {
        Harness.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.That(File.Exists(Harness.PathOf(NewName)), Is.False);
        Assert.That(Harness.Logit.CurrentFilePath, Is.EqualTo(Harness.Directory + "/" + OldName));
    }

    [Test]
    public void SeveralDaysLaterNamesTheLastFileWritten()
    {
        Harness.Time.Advance(TimeSpan.FromDays(3));
        Harness.Logit.Write("", "much later\n");

        Assert.That(
            Harness.Read(OldName)[BannerLength..],
            Is.EqualTo("UTC date changed; log output continues in file <statmgr_20240308.log>\n"));
        Assert.That(
            Harness.Read("statmgr_20240308.log"),
            Is.EqualTo("UTC date changed; log output continues from file <statmgr_20240305.log>\nmuch later\n"));
    }

    [Test]
    public void ConsoleCopiesDoNotShowTheRollover()
    {
        Harness.Time.Advance(TimeSpan.FromSeconds(10));
        Harness.Logit.Write("eo", "x\n");

        Assert.That(Harness.Stdout.ToString(), Is.EqualTo("x\n"));
        Assert.That(Harness.Stderr.ToString(), Is.EqualTo("x\n"));
    }

    [Test]
    public void NoRolloverWhileDiskLoggingIsOff()
    {
        Harness.Logit.Init("statmgr.d", 1024, 0);
        Harness.Time.Advance(TimeSpan.FromSeconds(10));
        Harness.Logit.Write("", "x\n");

        Assert.That(File.Exists(Harness.PathOf(NewName)), Is.False);
        Assert.That(Harness.Read(OldName)[BannerLength..], Is.Empty);
    }

    [Test]
    public void NewFileThatCannotBeOpenedIsReportedOnceRetriedAndItsLossCounted()
    {
        var blocker = Harness.PathOf(NewName);
        Directory.CreateDirectory(blocker);
        Harness.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.DoesNotThrow(() => Harness.Logit.Write("t", "lost 1\n"));
        Assert.DoesNotThrow(() => Harness.Logit.Write("e", "lost 2\n"));
        Assert.That(Harness.Logit.CurrentFilePath, Is.Null);

        Directory.Delete(blocker);
        Harness.Time.Advance(TimeSpan.FromSeconds(1));
        Harness.Logit.Write("t", "kept\n");

        Assert.That(
            Harness.Stderr.ToString(),
            Is.EqualTo(
                $"statmgr: Error opening log file <{blocker}>; log entries are lost until it can be opened.\n" +
                "lost 2\n"));
        Assert.That(
            Harness.Read(OldName)[BannerLength..],
            Is.EqualTo("UTC date changed; log output continues in file <statmgr_20240306.log>\n"));
        Assert.That(
            Harness.Read(NewName),
            Is.EqualTo(
                "UTC date changed; log output continues from file <statmgr_20240305.log>\n" +
                $"20240306_UTC_00:00:06 statmgr: log file writes failed from 20240306_UTC_00:00:05; 2 entries lost (open({blocker}): Is a directory)\n" +
                "20240306_UTC_00:00:06 kept\n"));
        Assert.That(Harness.Logit.CurrentFilePath, Is.EqualTo(blocker));
        Assert.That(Harness.Logit.Losses, Is.EqualTo(new LogLosses(2, 1, $"open({blocker}): Is a directory")));
    }
}
