using System.Text.Json;
using Statmgr.Cli;
using Statmgr.Status;

namespace Statmgr.Tests.Cli;

/// <summary>Finding the statmgr to signal: status file first, then pid file, and only a live statmgr.</summary>
public class RunningStatmgrTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 8, 4, 40, 0, TimeSpan.Zero);

    private TempDirectory _directory = null!;

    [SetUp]
    public void SetUp() => _directory = new TempDirectory("statmgr-find-");

    [TearDown]
    public void TearDown() => _directory.Dispose();

    private string StatusPath => _directory.PathOf("statmgr_status.json");

    private string PidPath => _directory.PathOf("statmgr.pid");

    private static RunningStatmgr Finder(params (int Pid, string[] Arguments)[] processes) =>
        new(File.Exists, pid => processes.Where(p => p.Pid == pid).Select(p => (IReadOnlyList<string>)p.Arguments).FirstOrDefault());

    private void WriteStatus(int pid) =>
        File.WriteAllText(StatusPath, JsonSerializer.Serialize(new StatusSnapshot(StatusSnapshot.CurrentVersion, At,
            new StatmgrProcessStatus(pid, At, "statmgr.d", At), [], [], new MailStatus(0, 0, 0, 0)), StatusJson.Default.StatusSnapshot));

    [Test]
    public void TheStatusFilesPidComesBeforeThePidFiles()
    {
        WriteStatus(100);
        File.WriteAllText(PidPath, "200\n");

        var pid = Finder((100, ["dotnet", "/opt/statmgr/statmgr.dll", "statmgr.d"]), (200, ["statmgr", "statmgr.d"])).Find(StatusPath, PidPath, out _);

        Assert.That(pid, Is.EqualTo(100));
    }

    [Test]
    public void WithoutAStatusFileThePidFileIsUsed()
    {
        File.WriteAllText(PidPath, "200\n");

        Assert.That(Finder((200, ["/usr/local/bin/statmgr", "statmgr.d"])).Find(StatusPath, PidPath, out _), Is.EqualTo(200));
        Assert.That(Finder((200, ["/usr/local/bin/statmgr", "statmgr.d"])).Find(null, PidPath, out _), Is.EqualTo(200));
    }

    [Test]
    public void NeitherFileIsSaid()
    {
        Assert.That(Finder().Find(StatusPath, PidPath, out var problem), Is.Null);
        Assert.That(problem, Is.EqualTo($"no running statmgr found: no status file {StatusPath} and no pid file {PidPath}"));
    }

    [Test]
    public void ADeadPidOrAnotherProgramIsNeverTheStatmgr()
    {
        WriteStatus(100);

        Assert.That(Finder().Find(StatusPath, PidPath, out var dead), Is.Null);
        Assert.That(dead, Is.EqualTo($"pid 100 from the status file {StatusPath} is not running: statmgr has stopped (or the file is stale)"));
        Assert.That(Finder((100, ["/usr/bin/vim", "notes"])).Find(StatusPath, PidPath, out var other), Is.Null);
        Assert.That(other, Is.EqualTo($"pid 100 from the status file {StatusPath} is not statmgr (/usr/bin/vim notes): the file is stale"));
    }

    [Test]
    public void AnUnreadableStatusFileIsSaid()
    {
        File.WriteAllText(StatusPath, "{");

        Assert.That(Finder().Find(StatusPath, PidPath, out var problem), Is.Null);
        Assert.That(problem, Does.StartWith($"no running statmgr found: status file {StatusPath} is not a valid status file"));
    }

    [Test]
    public void TheCommandLinesThatNameStatmgr()
    {
        Assert.That(RunningStatmgr.NamesStatmgr(["/opt/ew/bin/statmgr", "statmgr.d"]), Is.True);
        Assert.That(RunningStatmgr.NamesStatmgr(["dotnet", "exec", "/opt/ew/statmgr.dll", "statmgr.d"]), Is.True);
        Assert.That(RunningStatmgr.NamesStatmgr(["/opt/ew/bin/statmgr2", "statmgr.d"]), Is.False);
        Assert.That(RunningStatmgr.NamesStatmgr([]), Is.False);
    }

    [Test]
    public void ThisTestProcessIsFoundInProcButIsNoStatmgr()
    {
        var mine = RunningStatmgr.ProcCommandLine(Environment.ProcessId);
        Assume.That(mine, Is.Not.Null, "Linux /proc");
        Assert.That(RunningStatmgr.NamesStatmgr(mine!), Is.False);
        Assert.That(RunningStatmgr.ProcCommandLine(int.MaxValue), Is.Null);
    }
}
