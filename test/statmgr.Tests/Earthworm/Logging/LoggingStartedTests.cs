namespace Statmgr.Tests.Earthworm.Logging;

/// <summary>Tests of a log that statmgr's startup has opened (LogFile 1) at <paramref name="start"/>; they read what follows the banner.</summary>
public abstract class LoggingStartedTests(DateTimeOffset start, string logName)
{
    private protected LogitHarness Harness { get; private set; } = null!;

    /// <summary>How long the banner at the top of the log is: what the tests write follows it.</summary>
    protected int BannerLength { get; private set; }

    [SetUp]
    public void StartLogging()
    {
        Harness = new LogitHarness(start);
        Harness.InitWithLogFile();
        BannerLength = Harness.Read(logName).Length;
    }

    [TearDown]
    public void StopLogging() => Harness.Dispose();
}
