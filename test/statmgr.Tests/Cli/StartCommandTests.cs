using Microsoft.Extensions.Time.Testing;
using Statmgr.Cli;
using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Tests.Config;

namespace Statmgr.Tests.Cli;

public class StartCommandTests
{
    private ConfigFixture fixture = null!;
    private string logs = null!;
    private StringWriter stdout = null!;
    private StringWriter stderr = null!;

    [SetUp]
    public void SetUp()
    {
        fixture = ConfigFixture.Create();
        logs = Directory.CreateDirectory(fixture.PathOf("logs")).FullName;
        fixture.SetEnvironment("EW_LOG", logs);
        stdout = new StringWriter();
        stderr = new StringWriter();
    }

    [TearDown]
    public void TearDown()
    {
        stdout.Dispose();
        stderr.Dispose();
        fixture.Dispose();
    }

    private StartCommand Command(Func<StartupResult, ILogit, int> monitor)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 5, 12, 0, 0, TimeSpan.Zero));
        return new StartCommand(() => new Logit(time, 4321, stdout, stderr, fixture.Environment), fixture.Environment, File.Exists, 4321, monitor);
    }

    [Test]
    public void MonitorGetsTheStartupResultAndTheLog()
    {
        ConfigTexts.WriteMinimal(fixture);
        StartupResult? seen = null;

        var exit = Command((result, log) => { seen = result; log.Write("", "monitor ran\n"); return 0; }).Run(fixture.PathOf("statmgr.d"));

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(seen!.ProcessId, Is.EqualTo(4321));
        Assert.That(seen.Config.RingName, Is.EqualTo("STATUS_RING"));
        var log = File.ReadAllText(Path.Combine(logs, "statmgr_20260305.log"));
        Assert.That(log, Does.StartWith("\n-------------------------------------------------------\nstatmgr: startup at UTC_20260305_12:00:00\n"));
        Assert.That(log, Does.Contain($"statmgr: Read command file <{fixture.PathOf("statmgr.d")}>\n20260305_UTC_12:00:00 statmgr: startup of statmgr version: 2.0.14 - 2017-06-08\n"));
        Assert.That(log, Does.EndWith("\n       *****  Start Message Log  *****\nmonitor ran\n"));
    }

    [Test]
    public void LogFileZeroStopsDiskLoggingAfterStartup()
    {
        ConfigTexts.WriteMinimal(fixture, "LogFile 0");

        Command((_, log) => { log.Write("", "not on disk\n"); return 0; }).Run(fixture.PathOf("statmgr.d"));

        var log = File.ReadAllText(Path.Combine(logs, "statmgr_20260305.log"));
        Assert.That(log, Does.Contain("statmgr: startup of statmgr version"));
        Assert.That(log, Does.Not.Contain("Statmgr Configuration file"));
        Assert.That(log, Does.Not.Contain("not on disk"));
    }

    [Test]
    public void ConfigurationErrorExits255WithCsTextInTheLogAndOnStderr()
    {
        ConfigTexts.WriteMinimal(fixture, "heartbeatPageit soon");
        var monitorRan = false;

        var exit = Command((_, _) => { monitorRan = true; return 0; }).Run(fixture.PathOf("statmgr.d"));

        var text = $"statmgr: Bad <heartbeatPageit> command in <{fixture.PathOf("statmgr.d")}>; exiting.\n";
        Assert.That(exit, Is.EqualTo(255));
        Assert.That(monitorRan, Is.False);
        Assert.That(stderr.ToString(), Does.EndWith(text));
        Assert.That(File.ReadAllText(Path.Combine(logs, "statmgr_20260305.log")), Does.EndWith(text));
    }

    [Test]
    public void EwLogNotDefinedIsLogitsExit()
    {
        fixture.SetEnvironment("EW_LOG", null);
        ConfigTexts.WriteMinimal(fixture);

        var exit = Command((_, _) => 0).Run(fixture.PathOf("statmgr.d"));

        Assert.That(exit, Is.EqualTo(255));
        Assert.That(stderr.ToString(), Is.EqualTo("Environment variable EW_LOG not defined; statmgr exiting.\n"));
    }

    [Test]
    public void LogFileThatCannotBeOpenedIsLogitsExitWithStatusZero()
    {
        var missing = Path.Combine(logs, "no-such-directory");
        fixture.SetEnvironment("EW_LOG", missing);
        ConfigTexts.WriteMinimal(fixture);

        var exit = Command((_, _) => 255).Run(fixture.PathOf("statmgr.d"));

        Assert.That(exit, Is.EqualTo(0));
        // The text itself is logit's (tested with it); here only that startup ends there, as in C.
        Assert.That(stderr.ToString(), Does.StartWith("statmgr: Error opening log file ").And.Contain(missing).And.EndWith(". Exiting\n"));
    }

    [Test]
    public void StopBeforeMonitoringSaysWhy()
    {
        var log = new CollectingLogit();
        var config = new StatmgrConfig { ConfigPath = "statmgr.d", RingName = "STATUS_RING" };

        var exit = StartCommand.StopBeforeMonitoring(new StartupResult(config, null!, new StatusMessageTypes(3, 2, 104, 107, 109, 113, 108), 2, "h", 1, 0), log);

        Assert.That(exit, Is.EqualTo(255));
        Assert.That(log.Entries, Is.EqualTo(new[]
        {
            ("et", "statmgr: configuration <statmgr.d> loaded, but this build cannot attach to <STATUS_RING> or monitor any ring; exiting.\n"),
        }));
    }
}
