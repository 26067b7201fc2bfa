using Statmgr.Cli;

namespace Statmgr.Tests.Cli;

public class StatmgrCommandLineTests
{
    private const string Usage = "Usage: statmgr <configfile>\nVersion: 2.0.14 - 2017-06-08\n";

    private readonly List<string> _started = new();
    private readonly List<string> _checkedFiles = new();
    private readonly List<string> _mailTested = new();
    private readonly List<(string File, bool Json)> _statusShown = new();
    private readonly List<string> _silenceCommands = new();
    private CapturedConsole _console = null!;

    [SetUp]
    public void SetUp()
    {
        _started.Clear();
        _checkedFiles.Clear();
        _mailTested.Clear();
        _statusShown.Clear();
        _silenceCommands.Clear();
        _console = new CapturedConsole();
    }

    [TearDown]
    public void TearDown() => _console.Dispose();

    private int Run(params string[] args)
    {
        var commandLine = new StatmgrCommandLine(_console.Out, _console.Error, new StatmgrCommands(
            file => { _started.Add(file); return 17; },
            file => { _checkedFiles.Add(file); return 1; },
            file => { _mailTested.Add(file); return 3; },
            (file, json) => { _statusShown.Add((file, json)); return 2; },
            file => { _silenceCommands.Add($"reload {file}"); return 4; },
            (module, duration, reason, file) => { _silenceCommands.Add($"silence {module}|{duration}|{reason}|{file}"); return 5; },
            file => { _silenceCommands.Add($"silences {file}"); return 6; },
            (target, file) => { _silenceCommands.Add($"unsilence {target}|{file}"); return 7; }));
        return commandLine.Run(args);
    }

    [Test]
    public void OneArgumentStartsStatmgr()
    {
        Assert.That(Run("statmgr.d"), Is.EqualTo(17));
        Assert.That(_started, Is.EqualTo(new[] { "statmgr.d" }));
        Assert.That(_console.Out.ToString() + _console.Error, Is.Empty);
    }

    [Test]
    public void NoArgumentPrintsCsUsageOnStderr()
    {
        Assert.That(Run(), Is.EqualTo(255));
        Assert.That(_console.Error.ToString(), Is.EqualTo(Usage));
        Assert.That(_console.Out.ToString(), Is.Empty);
        Assert.That(_started, Is.Empty);
    }

    [Test]
    public void TwoArgumentsPrintCsUsage()
    {
        Assert.That(Run("a.d", "b.d"), Is.EqualTo(255));
        Assert.That(_console.Error.ToString(), Is.EqualTo(Usage));
        Assert.That(_started, Is.Empty);
    }

    [Test]
    public void CheckRunsTheCheck()
    {
        Assert.That(Run("--check", "statmgr.d"), Is.EqualTo(1));
        Assert.That(_checkedFiles, Is.EqualTo(new[] { "statmgr.d" }));
        Assert.That(_started, Is.Empty);
    }

    [Test]
    public void CheckWithAnotherFileIsAUsageError()
    {
        Assert.That(Run("--check", "a.d", "b.d"), Is.EqualTo(255));
        Assert.That(_console.Error.ToString(), Is.EqualTo(Usage));
        Assert.That(_checkedFiles, Is.Empty);
    }

    [Test]
    public void CheckWithoutFileIsAUsageError()
    {
        Assert.That(Run("--check"), Is.EqualTo(255));
        Assert.That(_console.Error.ToString(), Does.EndWith(Usage));
        Assert.That(_console.Error.ToString(), Does.StartWith("statmgr: "));
    }

    [Test]
    public void TestMailRunsTheMailTest()
    {
        Assert.That(Run("--test-mail", "statmgr.d"), Is.EqualTo(3));
        Assert.That(_mailTested, Is.EqualTo(new[] { "statmgr.d" }));
        Assert.That(_started, Is.Empty);
        Assert.That(_checkedFiles, Is.Empty);
    }

    [Test]
    public void TestMailTogetherWithCheckIsAUsageError()
    {
        Assert.That(Run("--test-mail", "statmgr.d", "--check", "statmgr.d"), Is.EqualTo(255));
        Assert.That(_console.Error.ToString(), Is.EqualTo(Usage));
        Assert.That(_mailTested, Is.Empty);
        Assert.That(_checkedFiles, Is.Empty);
    }

    [TestCase(new[] { "--status", "statmgr.d" }, false)]
    [TestCase(new[] { "--status", "statmgr.d", "--json" }, true)]
    [TestCase(new[] { "--json", "--status", "statmgr.d" }, true)]
    public void StatusShowsTheStatusFileAsTableOrJson(string[] args, bool json)
    {
        Assert.That(Run(args), Is.EqualTo(2));
        Assert.That(_statusShown, Is.EqualTo(new[] { ("statmgr.d", json) }));
        Assert.That(_started, Is.Empty);
        Assert.That(_console.Error.ToString(), Is.Empty);
    }

    [TestCase("--json", "statmgr.d")]
    [TestCase("--json", "--check", "statmgr.d")]
    [TestCase("--status", "statmgr.d", "--check", "statmgr.d")]
    [TestCase("--status", "a.d", "b.d")]
    public void JsonWithoutStatusOrStatusWithMoreIsAUsageError(params string[] args)
    {
        Assert.That(Run(args), Is.EqualTo(255));
        Assert.That(_console.Error.ToString(), Is.EqualTo(Usage));
        Assert.That(_statusShown, Is.Empty);
        Assert.That(_checkedFiles, Is.Empty);
        Assert.That(_started, Is.Empty);
    }

    [Test]
    public void VersionPrintsCsVersion()
    {
        Assert.That(Run("--version"), Is.EqualTo(0));
        Assert.That(_console.Out.ToString(), Is.EqualTo("statmgr version 2.0.14 - 2017-06-08\n"));
    }

    [Test]
    public void VersionWithAFileIsAUsageError()
    {
        Assert.That(Run("--version", "statmgr.d"), Is.EqualTo(255));
        Assert.That(_started, Is.Empty);
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public void HelpDescribesTheCommandLine(string option)
    {
        Assert.That(Run(option), Is.EqualTo(0));
        Assert.That(_console.Out.ToString(), Does.Contain("--check <configfile>"));
        Assert.That(_console.Out.ToString(), Does.Contain("--version"));
        Assert.That(_console.Out.ToString(), Does.Contain("--test-mail <configfile>"));
        Assert.That(_console.Out.ToString(), Does.Contain("--status <configfile>"));
        Assert.That(_console.Out.ToString(), Does.Contain("--json"));
        Assert.That(_started, Is.Empty);
    }

    [Test]
    public void ResponseFilesAreNotExpanded()
    {
        Assert.That(Run("@statmgr.d"), Is.EqualTo(17));
        Assert.That(_started, Is.EqualTo(new[] { "@statmgr.d" }));
    }

    [Test]
    public void ResponseFilesAreNotExpandedAfterCheck()
    {
        Assert.That(Run("--check", "@statmgr.d"), Is.EqualTo(1));
        Assert.That(_checkedFiles, Is.EqualTo(new[] { "@statmgr.d" }));
    }

    [Test]
    public void DirectiveLookingNamesAreFileNames()
    {
        Assert.That(Run("[diagram]"), Is.EqualTo(17));
        Assert.That(_started, Is.EqualTo(new[] { "[diagram]" }));
    }

    [Test]
    public void ReloadRunsTheReload()
    {
        Assert.That(Run("--reload", "statmgr.d"), Is.EqualTo(4));
        Assert.That(_silenceCommands, Is.EqualTo(new[] { "reload statmgr.d" }));
    }

    [TestCase(new[] { "--silence", "pick_ew", "2h", "digitizer swap" }, "silence pick_ew|2h|digitizer swap|statmgr.d", 5)]
    [TestCase(new[] { "--silence", "all", "30m", "network work", "site.d" }, "silence all|30m|network work|site.d", 5)]
    [TestCase(new[] { "--silences" }, "silences statmgr.d", 6)]
    [TestCase(new[] { "--silences", "site.d" }, "silences site.d", 6)]
    [TestCase(new[] { "--unsilence", "3" }, "unsilence 3|statmgr.d", 7)]
    [TestCase(new[] { "--unsilence", "pick_ew", "site.d" }, "unsilence pick_ew|site.d", 7)]
    public void SilenceCommandsTakeTheirConfigFileLastOrStatmgrD(string[] args, string ran, int exit)
    {
        Assert.That(Run(args), Is.EqualTo(exit));
        Assert.That(_silenceCommands, Is.EqualTo(new[] { ran }));
    }

    [TestCase("--silence", "pick_ew", "2h")]
    [TestCase("--silences", "a.d", "b.d")]
    [TestCase("--reload")]
    [TestCase("--reload", "statmgr.d", "--silences")]
    public void IncompleteOrMixedReloadAndSilenceCommandsAreUsageErrors(params string[] args)
    {
        Assert.That(Run(args), Is.EqualTo(255));
        Assert.That(_silenceCommands, Is.Empty);
    }
}
