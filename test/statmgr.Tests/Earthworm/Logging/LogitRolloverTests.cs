namespace Statmgr.Tests.Earthworm.Logging;

public class LogitRolloverTests
{
    private const string OldName = "statmgr_20240305.log";
    private const string NewName = "statmgr_20240306.log";

    private LogitHarness _harness = null!;
    private int _bannerLength;

    [SetUp]
    public void SetUp()
    {
        _harness = new LogitHarness(new DateTimeOffset(2024, 3, 5, 23, 59, 55, TimeSpan.Zero));
        _harness.Logit.Init("statmgr.d", 1024, 1);
        _bannerLength = _harness.Read(OldName).Length;
    }

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public void NewUtcDateContinuesInANewFileWithoutBanner()
    {
        _harness.Logit.Write("t", "before midnight\n");
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        _harness.Logit.Write("t", "after midnight\n");

        Assert.That(
            _harness.Read(OldName)[_bannerLength..],
            Is.EqualTo(
                "20240305_UTC_23:59:55 before midnight\n" +
                "UTC date changed; log output continues in file <statmgr_20240306.log>\n"));
        Assert.That(
            _harness.Read(NewName),
            Is.EqualTo(
                "UTC date changed; log output continues from file <statmgr_20240305.log>\n" +
                "20240306_UTC_00:00:05 after midnight\n"));
        Assert.That(_harness.Logit.CurrentFilePath, Is.EqualTo(_harness.Directory + "/" + NewName));
    }

    [Test]
    public void NothingHappensAtMidnightWithoutAnEntry()
    {
        _harness.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.That(File.Exists(_harness.PathOf(NewName)), Is.False);
        Assert.That(_harness.Logit.CurrentFilePath, Is.EqualTo(_harness.Directory + "/" + OldName));
    }

    [Test]
    public void SeveralDaysLaterNamesTheLastFileWritten()
    {
        _harness.Time.Advance(TimeSpan.FromDays(3));
        _harness.Logit.Write("", "much later\n");

        Assert.That(
            _harness.Read(OldName)[_bannerLength..],
            Is.EqualTo("UTC date changed; log output continues in file <statmgr_20240308.log>\n"));
        Assert.That(
            _harness.Read("statmgr_20240308.log"),
            Is.EqualTo("UTC date changed; log output continues from file <statmgr_20240305.log>\nmuch later\n"));
    }

    [Test]
    public void ConsoleCopiesDoNotShowTheRollover()
    {
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        _harness.Logit.Write("eo", "x\n");

        Assert.That(_harness.Stdout.ToString(), Is.EqualTo("x\n"));
        Assert.That(_harness.Stderr.ToString(), Is.EqualTo("x\n"));
    }

    [Test]
    public void NoRolloverWhileDiskLoggingIsOff()
    {
        _harness.Logit.Init("statmgr.d", 1024, 0);
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        _harness.Logit.Write("", "x\n");

        Assert.That(File.Exists(_harness.PathOf(NewName)), Is.False);
        Assert.That(_harness.Read(OldName)[_bannerLength..], Is.Empty);
    }

    [Test]
    public void NewFileThatCannotBeOpenedIsReportedOnceAndRetried()
    {
        var blocker = _harness.PathOf(NewName);
        Directory.CreateDirectory(blocker);
        _harness.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.DoesNotThrow(() => _harness.Logit.Write("t", "lost 1\n"));
        Assert.DoesNotThrow(() => _harness.Logit.Write("e", "lost 2\n"));
        Assert.That(_harness.Logit.CurrentFilePath, Is.Null);

        Directory.Delete(blocker);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        _harness.Logit.Write("t", "kept\n");

        Assert.That(
            _harness.Stderr.ToString(),
            Is.EqualTo(
                $"statmgr: Error opening log file <{blocker}>; log entries are lost until it can be opened.\n" +
                "lost 2\n"));
        Assert.That(
            _harness.Read(OldName)[_bannerLength..],
            Is.EqualTo("UTC date changed; log output continues in file <statmgr_20240306.log>\n"));
        Assert.That(
            _harness.Read(NewName),
            Is.EqualTo(
                "UTC date changed; log output continues from file <statmgr_20240305.log>\n" +
                "20240306_UTC_00:00:06 kept\n"));
        Assert.That(_harness.Logit.CurrentFilePath, Is.EqualTo(blocker));
    }
}
