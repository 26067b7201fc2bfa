using Microsoft.Extensions.Time.Testing;
using Statmgr.Cli;
using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Tests.Config;

namespace Statmgr.Tests.Cli;

public class StartCommandTests : ConfigFixtureTests
{
    private string _logs = null!;
    private CapturedConsole _console = null!;

    [SetUp]
    public void SetUp()
    {
        _logs = Directory.CreateDirectory(Fixture.PathOf("logs")).FullName;
        Fixture.SetEnvironment("EW_LOG", _logs);
        _console = new CapturedConsole();
    }

    [TearDown]
    public void TearDown() => _console.Dispose();

    private StartCommand Command(Func<StartupResult, ILogit, int> monitor)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 5, 12, 0, 0, TimeSpan.Zero));
        return new StartCommand(() => new Logit(time, 4321, _console.Out, _console.Error, Fixture.Environment), Fixture.Environment, File.Exists, 4321, monitor);
    }

    [Test]
    public void MonitorGetsTheStartupResultAndTheLog()
    {
        ConfigTexts.WriteMinimal(Fixture);
        StartupResult? seen = null;

        var exit = Command((result, log) => { seen = result; log.Write("", "monitor ran\n"); return 0; }).Run(Fixture.PathOf("statmgr.d"));

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(seen!.ProcessId, Is.EqualTo(4321));
        Assert.That(seen.Config.RingName, Is.EqualTo("STATUS_RING"));
        var log = File.ReadAllText(Path.Combine(_logs, "statmgr_20260305.log"));
        Assert.That(log, Does.StartWith("\n-------------------------------------------------------\nstatmgr: startup at UTC_20260305_12:00:00\n"));
        Assert.That(log, Does.Contain($"statmgr: Read command file <{Fixture.PathOf("statmgr.d")}>\n20260305_UTC_12:00:00 statmgr: startup of statmgr version: 2.0.14 - 2017-06-08\n"));
        Assert.That(log, Does.EndWith("\n       *****  Start Message Log  *****\nmonitor ran\n"));
    }

    [Test]
    public void LogFileZeroStopsDiskLoggingAfterStartup()
    {
        ConfigTexts.WriteMinimal(Fixture, "LogFile 0");

        Command((_, log) => { log.Write("", "not on disk\n"); return 0; }).Run(Fixture.PathOf("statmgr.d"));

        var log = File.ReadAllText(Path.Combine(_logs, "statmgr_20260305.log"));
        Assert.That(log, Does.Contain("statmgr: startup of statmgr version"));
        Assert.That(log, Does.Not.Contain("Statmgr Configuration file"));
        Assert.That(log, Does.Not.Contain("not on disk"));
    }

    [Test]
    public void ConfigurationErrorExits255WithCsTextInTheLogAndOnStderr()
    {
        ConfigTexts.WriteMinimal(Fixture, "heartbeatPageit soon");
        var monitorRan = false;

        var exit = Command((_, _) => { monitorRan = true; return 0; }).Run(Fixture.PathOf("statmgr.d"));

        var text = $"statmgr: Bad <heartbeatPageit> command in <{Fixture.PathOf("statmgr.d")}>; exiting.\n";
        Assert.That(exit, Is.EqualTo(255));
        Assert.That(monitorRan, Is.False);
        Assert.That(_console.Error.ToString(), Does.EndWith(text));
        Assert.That(File.ReadAllText(Path.Combine(_logs, "statmgr_20260305.log")), Does.EndWith(text));
    }

    [Test]
    public void EwLogNotDefinedIsLogitsExit()
    {
        Fixture.SetEnvironment("EW_LOG", null);
        ConfigTexts.WriteMinimal(Fixture);

        var exit = Command((_, _) => 0).Run(Fixture.PathOf("statmgr.d"));

        Assert.That(exit, Is.EqualTo(255));
        Assert.That(_console.Error.ToString(), Is.EqualTo("Environment variable EW_LOG not defined; statmgr exiting.\n"));
    }

    [Test]
    public void LogFileThatCannotBeOpenedIsLogitsExitWithStatusZero()
    {
        var missing = Path.Combine(_logs, "no-such-directory");
        Fixture.SetEnvironment("EW_LOG", missing);
        ConfigTexts.WriteMinimal(Fixture);

        var exit = Command((_, _) => 255).Run(Fixture.PathOf("statmgr.d"));

        Assert.That(exit, Is.EqualTo(0));
        // The text itself is logit's (tested with it); here only that startup ends there, as in C.
        Assert.That(_console.Error.ToString(), Does.StartWith("statmgr: Error opening log file ").And.Contain(missing).And.EndWith(". Exiting\n"));
    }
}
