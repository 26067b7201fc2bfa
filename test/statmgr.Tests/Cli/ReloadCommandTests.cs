using Microsoft.Extensions.Time.Testing;
using Statmgr.Cli;
using Statmgr.Notify.Mail;
using Statmgr.Tests.Config;

namespace Statmgr.Tests.Cli;

/// <summary>
/// <c>statmgr --reload</c> in-process: the check that refuses before any signal, the statmgr found
/// by its pid file, and the answer read from a log that a fake signal writes, on a fake clock.
/// </summary>
public class ReloadCommandTests : ConfigFixtureTests
{
    private const int StatmgrPid = 4242;
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 4, 40, 0, TimeSpan.Zero);
    private const string Stamp = "20261208_UTC_04:40:00 ";

    private CapturedConsole _console = null!;
    private FakeTimeProvider _clock = null!;
    private readonly List<int> _signalled = [];

    [SetUp]
    public void SetUp()
    {
        _console = new CapturedConsole();
        _clock = new FakeTimeProvider(Now);
        _signalled.Clear();
        ConfigTexts.WriteMinimal(Fixture);
        Fixture.SetEnvironment("EW_LOG", Fixture.Directory + "/");
    }

    [TearDown]
    public void TearDown() => _console.Dispose();

    private string LogPath => Fixture.PathOf("statmgr_20261208.log");

    /// <summary>--reload with a statmgr of pid 4242 whose SIGHUP appends <paramref name="answer"/> to today's log.</summary>
    private int Reload(params string[] answer)
    {
        var check = new ConfigurationCheck(_console.Out, Fixture.Environment, File.Exists, 99, new MailConfigurationCheck().Check);
        var running = new RunningStatmgr(File.Exists, pid => pid == StatmgrPid ? ["/opt/earthworm/bin/statmgr", "statmgr.d"] : null);
        var command = new ReloadCommand(_console.Out, _console.Error, Fixture.Environment, check, running, pid =>
        {
            _signalled.Add(pid);
            File.AppendAllText(LogPath, string.Concat(answer.Select(line => Stamp + line + "\n")));
            return null;
        }, _clock, _clock.Advance);
        return command.Run(ConfigPath);
    }

    [Test]
    public void AConfigurationWithErrorsIsRefusedBeforeAnySignal()
    {
        Fixture.Write("statmgr.d", ConfigTexts.Minimal(Fixture, "Descriptor " + Fixture.PathOf("missing.desc")));

        // The public constructor, with the real lookup and signal: the check refuses before either is reached.
        var exit = new ReloadCommand(_console.Out, _console.Error, Fixture.Environment, File.Exists, 99, _clock).Run(ConfigPath);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(_console.Out.ToString(), Does.StartWith(ConfigPath + ":8: error: "));
        Assert.That(_console.Error.ToString(), Is.EqualTo("statmgr: --check found errors; no reload requested\n"));
    }

    [Test]
    public void ADoneReloadPrintsEveryLineFromTheSighupLineOnAndExits0()
    {
        File.WriteAllText(Fixture.PathOf("statmgr.pid"), $"{StatmgrPid}\n");
        File.WriteAllText(LogPath, Stamp + "statmgr: reload done\n");

        var exit = Reload("ewhost/pick_ew module alive", $"statmgr: SIGHUP: reloading {ConfigPath}", "statmgr: reload: added pick_ew2",
            "statmgr: reload done", "statmgr: later line");

        Assert.That(_signalled, Is.EqualTo(new[] { StatmgrPid }));
        Assert.That(_console.Error.ToString(), Is.Empty);
        Assert.That(_console.Out.ToString(), Is.EqualTo(
            $"{Stamp}statmgr: SIGHUP: reloading {ConfigPath}\n{Stamp}statmgr: reload: added pick_ew2\n{Stamp}statmgr: reload done\n"));
        Assert.That(exit, Is.EqualTo(0));
    }

    [Test]
    public void ARefusedReloadPrintsTheProblemsAndExits1()
    {
        File.WriteAllText(Fixture.PathOf("statmgr.pid"), $"{StatmgrPid}\n");
        const string refused = "statmgr: reload refused; still running the configuration loaded at 2026-12-08 04:00:00 UTC";

        var exit = Reload($"statmgr: SIGHUP: reloading {ConfigPath}", "/ew/params/pick.desc:3: error: no modId", refused);

        Assert.That(_console.Out.ToString(), Is.EqualTo(
            $"{Stamp}statmgr: SIGHUP: reloading {ConfigPath}\n{Stamp}/ew/params/pick.desc:3: error: no modId\n{Stamp}{refused}\n"));
        Assert.That(exit, Is.EqualTo(1));
    }

    [Test]
    public void NoAnswerWithin30SecondsIsExit1()
    {
        File.WriteAllText(Fixture.PathOf("statmgr.pid"), $"{StatmgrPid}\n");

        var exit = Reload($"statmgr: SIGHUP: reloading {ConfigPath}");

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(_clock.GetUtcNow() - Now, Is.EqualTo(ReloadCommand.AnswerLimit));
        Assert.That(_console.Out.ToString(), Is.EqualTo($"{Stamp}statmgr: SIGHUP: reloading {ConfigPath}\n"));
        Assert.That(_console.Error.ToString(), Is.EqualTo(
            $"statmgr: SIGHUP sent to statmgr (pid {StatmgrPid}), but no \"statmgr: reload done\" or \"statmgr: reload refused\" in {LogPath} within 30 s\n"));
    }

    [Test]
    public void NoRunningStatmgrMeansNoSignalAndExit1()
    {
        File.WriteAllText(Fixture.PathOf("statmgr.pid"), "4243\n");

        var exit = Reload("statmgr: reload done");

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(_signalled, Is.Empty);
        Assert.That(_console.Error.ToString(), Is.EqualTo(
            $"statmgr: pid 4243 from the pid file {Fixture.PathOf("statmgr.pid")} is not running: statmgr has stopped (or the file is stale); no reload requested\n"));
    }

    [Test]
    public void WithLogFile0TheSignalIsSentAndTheCommandSaysThereIsNoLogToReadTheAnswerFrom()
    {
        Fixture.Write("statmgr.d", ConfigTexts.Minimal(Fixture).Replace("LogFile         1", "LogFile         0"));
        File.WriteAllText(Fixture.PathOf("statmgr.pid"), $"{StatmgrPid}\n");

        var exit = Reload("statmgr: reload done");

        Assert.That(_signalled, Is.EqualTo(new[] { StatmgrPid }));
        Assert.That(exit, Is.EqualTo(1));
        Assert.That(_console.Error.ToString(), Is.EqualTo(
            $"statmgr: SIGHUP sent to statmgr (pid {StatmgrPid}); {ConfigPath} has LogFile 0, so there is no log to read its answer from (it went to statmgr's stderr)\n"));
    }
}
