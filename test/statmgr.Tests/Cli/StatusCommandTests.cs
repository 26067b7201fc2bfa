using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Statmgr.Cli;
using Statmgr.Status;
using Statmgr.Tests.Config;

namespace Statmgr.Tests.Cli;

/// <summary>
/// <c>statmgr --status</c> on status files written with statmgr's own JSON, read at a fake wall-clock
/// time: the plugin line, the table and every exit status.
/// </summary>
public class StatusCommandTests : ConfigFixtureTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 8, 0, 59, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastPass = new(2026, 12, 8, 1, 0, 0, TimeSpan.Zero);
    private static readonly ReportStatus NoReports = new(0, 0, 0, 0, 0, 0);

    private CapturedConsole _console = null!;
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _console = new CapturedConsole();
        _clock = new FakeTimeProvider(LastPass + TimeSpan.FromSeconds(2));
        ConfigTexts.WriteMinimal(Fixture);
        Fixture.SetEnvironment("EW_LOG", Fixture.Directory + "/");
    }

    [TearDown]
    public void TearDown() => _console.Dispose();

    private string StatusPath => Fixture.PathOf("statmgr_status.json");

    private int Status(bool json = false) =>
        new StatusCommand(_console.Out, _console.Error, Fixture.Environment, File.Exists, 99, _clock).Run(ConfigPath, json);

    private static ModuleStatus Module(string name, ModuleState state, string pid = "", long age = 1, int tsec = 5, int restarts = 0,
        ReportStatus? heartbeat = null, params ErrorReportStatus[] errors) =>
        new(name, "testhost", 1, 3, "STATUS_RING", state, pid, LastPass.AddSeconds(-age), age, tsec, Started, restarts, heartbeat ?? NoReports, errors);

    private static StatusSnapshot Snapshot(params ModuleStatus[] modules) =>
        new(StatusSnapshot.CurrentVersion, LastPass, new StatmgrProcessStatus(4242, Started, "statmgr.d", LastPass), modules,
            [new RingStatus("STATUS_RING", 100, 0, 0)], new MailStatus(0, 0, 0, 0));

    private void WriteStatus(StatusSnapshot snapshot, string? path = null) =>
        File.WriteAllText(path ?? StatusPath, JsonSerializer.Serialize(snapshot, StatusJson.Default.StatusSnapshot));

    /// <summary>statmgr's line of the table for <see cref="Snapshot"/> read at the clock's start.</summary>
    private const string StatmgrLine = "statmgr pid 4242, started 2026-12-08 00:59:00 UTC, last pass 2026-12-08 01:00:00 UTC (2 s ago), config statmgr.d";

    /// <summary>--status exits with <paramref name="exit"/>, prints exactly these lines and nothing on stderr.</summary>
    private void AssertShown(int exit, params string[] lines)
    {
        Assert.That(Status(), Is.EqualTo(exit));
        Assert.That(_console.Out.ToString(), Is.EqualTo(string.Concat(lines.Select(line => line + "\n"))));
        Assert.That(_console.Error.ToString(), Is.Empty);
    }

    private static ModuleStatus Own => Module("statmgr", ModuleState.NotMonitored, tsec: 0);

    [Test]
    public void EveryMonitoredModuleAliveIsOkWithTheTable()
    {
        WriteStatus(Snapshot(Own, Module("pick_ew", ModuleState.Alive, pid: "5678", age: 2, tsec: 10), Module("tankplayer", ModuleState.Alive, pid: "91")));

        AssertShown(0, "STATMGR OK - 2 alive, 1 not monitored", StatmgrLine,
            "module      state          heartbeat  pid   restarts  limits used up",
            "statmgr     not monitored  -          -     0         -",
            "pick_ew     alive          2/10 s     5678  0         -",
            "tankplayer  alive          1/5 s      91    0         -");
    }

    [TestCase(nameof(ModuleState.Stopped), "STATMGR WARNING - 1 stopped (pick_ew), 1 alive, 1 not monitored\n")]
    [TestCase(nameof(ModuleState.RestartRequested), "STATMGR WARNING - 1 restart requested (pick_ew), 1 alive, 1 not monitored\n")]
    public void AModuleStoppedOrWaitingForItsRestartIsAWarning(string state, string line)
    {
        WriteStatus(Snapshot(Own, Module("pick_ew", Enum.Parse<ModuleState>(state), pid: "5678", age: 7), Module("tankplayer", ModuleState.Alive)));

        Assert.That(Status(), Is.EqualTo(1));
        Assert.That(_console.Out.ToString(), Does.StartWith(line));
    }

    [Test]
    public void ADeadModuleIsCriticalNamedInTheFirstLineWithItsLimitsUsedUp()
    {
        WriteStatus(Snapshot(
            Own,
            Module("pick_ew", ModuleState.Dead, pid: "5678", age: 9, tsec: 3, restarts: 2, heartbeat: new ReportStatus(3, 1, 3, 3, 1, 2)),
            Module("sim1", ModuleState.RestartRequested, pid: "77", age: 4, tsec: 1, restarts: 1),
            Module("tankplayer", ModuleState.Alive, errors: [new ErrorReportStatus(7, new ReportStatus(2, 5, 1, 1, 0, -1)), new ErrorReportStatus(8, new ReportStatus(1, 0, 0, 0, 1, 1))])));

        AssertShown(2, "STATMGR CRITICAL - 1 dead (pick_ew), 1 restart requested (sim1), 1 alive, 1 not monitored", StatmgrLine,
            "module      state              heartbeat  pid   restarts  limits used up",
            "statmgr     not monitored      -          -     0         -",
            "pick_ew     dead               9/3 s      5678  2         pages 3/3",
            "sim1        restart requested  4/1 s      77    1         -",
            "tankplayer  alive              1/5 s      -     0         err 7 pages 1/1, err 8 mails 1/1");
    }

    [Test]
    public void NoStatusFileIsUnknown()
    {
        Assert.That(Status(), Is.EqualTo(3));
        Assert.That(_console.Out.ToString(), Is.EqualTo(
            $"STATMGR UNKNOWN - no status file {StatusPath}: statmgr is not running, has not written it yet, or runs with another configuration\n"));
    }

    [Test]
    public void ALastPassMoreThanTenSecondsOldIsUnknownAndTheTableStillShows()
    {
        WriteStatus(Snapshot(Own, Module("pick_ew", ModuleState.Dead, pid: "5678")));
        _clock.SetUtcNow(LastPass + TimeSpan.FromSeconds(10));
        Assert.That(Status(), Is.EqualTo(2), "ten seconds is still in time");

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        _console.Out.GetStringBuilder().Clear();
        Assert.That(Status(), Is.EqualTo(3));
        Assert.That(_console.Out.ToString(), Does.StartWith(
            "STATMGR UNKNOWN - statmgr's last pass was 10 s ago (at 2026-12-08 01:00:00 UTC), more than 10 s: statmgr is stuck or not running\n"
            + "statmgr pid 4242, started 2026-12-08 00:59:00 UTC, last pass 2026-12-08 01:00:00 UTC (10 s ago), config statmgr.d\n"
            + "module   state          heartbeat  pid   restarts  limits used up\n"));
    }

    [Test]
    public void AnotherSchemaVersionIsUnknown()
    {
        File.WriteAllText(StatusPath, "{\"version\": 2, \"modules\": \"changed\"}");

        Assert.That(Status(), Is.EqualTo(3));
        Assert.That(_console.Out.ToString(), Is.EqualTo($"STATMGR UNKNOWN - status file {StatusPath} has schema version 2; this statmgr reads version 1\n"));
    }

    [TestCase("not json", "is not a valid status file: ")]
    [TestCase("[1, 2]", "has no schema version: it is not a statmgr status file")]
    [TestCase("{\"version\": 1, \"taken_at\": \"2026-12-08T01:00:00+00:00\"}", "is not a valid status file: ")]
    public void AFileThatIsNotAStatusFileIsUnknown(string text, string problem)
    {
        File.WriteAllText(StatusPath, text);

        Assert.That(Status(), Is.EqualTo(3));
        Assert.That(_console.Out.ToString(), Does.StartWith($"STATMGR UNKNOWN - status file {StatusPath} {problem}"));
        Assert.That(_console.Out.ToString().Count(c => c == '\n'), Is.EqualTo(1));
    }

    [Test]
    public void StatusFileCommandMovesTheFileAndZeroTurnsItOff()
    {
        var moved = Fixture.PathOf("elsewhere.json");
        ConfigTexts.WriteMinimal(Fixture, $"StatusFile {moved}");
        WriteStatus(Snapshot(Own), moved);
        Assert.That(Status(), Is.EqualTo(0));
        Assert.That(_console.Out.ToString(), Does.StartWith("STATMGR OK - 1 not monitored\n"));

        ConfigTexts.WriteMinimal(Fixture, "StatusFile 0");
        _console.Out.GetStringBuilder().Clear();
        Assert.That(Status(), Is.EqualTo(3));
        Assert.That(_console.Out.ToString(), Is.EqualTo($"STATMGR UNKNOWN - no status file: {ConfigPath} turns it off (StatusFile 0)\n"));
    }

    [Test]
    public void AConfigurationThatDoesNotLoadIsUnknownWithTheReason()
    {
        ConfigTexts.WriteMinimal(Fixture, "LogFile");

        Assert.That(Status(), Is.EqualTo(3));
        Assert.That(_console.Out.ToString(), Is.EqualTo(
            $"STATMGR UNKNOWN - configuration {ConfigPath} does not load, so its status file cannot be found: statmgr: Bad <LogFile> command in <{ConfigPath}>; exiting.\n"));
    }

    [Test]
    public void JsonPrintsTheFileAsItIsWithTheSameExitStatus()
    {
        WriteStatus(Snapshot(Own, Module("pick_ew", ModuleState.Dead)));
        var text = File.ReadAllText(StatusPath);

        Assert.That(Status(json: true), Is.EqualTo(2));
        Assert.That(_console.Out.ToString(), Is.EqualTo(text + "\n"));
        Assert.That(_console.Error.ToString(), Is.Empty);
    }

    [Test]
    public void JsonWithoutAFilePutsTheReasonOnStderr()
    {
        Assert.That(Status(json: true), Is.EqualTo(3));
        Assert.That(_console.Out.ToString(), Is.Empty);
        Assert.That(_console.Error.ToString(), Does.StartWith($"STATMGR UNKNOWN - no status file {StatusPath}: "));
    }
}
