using Statmgr.Cli;

namespace Statmgr.Tests.Cli;

public class StatmgrCommandLineTests
{
    private const string Usage = "Usage: statmgr <configfile>\nVersion: 2.0.14 - 2017-06-08\n";

    private readonly List<string> started = new();
    private readonly List<string> checkedFiles = new();
    private StringWriter stdout = null!;
    private StringWriter stderr = null!;

    [SetUp]
    public void SetUp()
    {
        started.Clear();
        checkedFiles.Clear();
        stdout = new StringWriter();
        stderr = new StringWriter();
    }

    [TearDown]
    public void TearDown()
    {
        stdout.Dispose();
        stderr.Dispose();
    }

    private int Run(params string[] args)
    {
        var commandLine = new StatmgrCommandLine(stdout, stderr,
            file => { started.Add(file); return 17; },
            file => { checkedFiles.Add(file); return 1; });
        return commandLine.Run(args);
    }

    [Test]
    public void OneArgumentStartsStatmgr()
    {
        Assert.That(Run("statmgr.d"), Is.EqualTo(17));
        Assert.That(started, Is.EqualTo(new[] { "statmgr.d" }));
        Assert.That(stdout.ToString() + stderr, Is.Empty);
    }

    [Test]
    public void NoArgumentPrintsCsUsageOnStderr()
    {
        Assert.That(Run(), Is.EqualTo(255));
        Assert.That(stderr.ToString(), Is.EqualTo(Usage));
        Assert.That(stdout.ToString(), Is.Empty);
        Assert.That(started, Is.Empty);
    }

    [Test]
    public void TwoArgumentsPrintCsUsage()
    {
        Assert.That(Run("a.d", "b.d"), Is.EqualTo(255));
        Assert.That(stderr.ToString(), Is.EqualTo(Usage));
        Assert.That(started, Is.Empty);
    }

    [Test]
    public void CheckRunsTheCheck()
    {
        Assert.That(Run("--check", "statmgr.d"), Is.EqualTo(1));
        Assert.That(checkedFiles, Is.EqualTo(new[] { "statmgr.d" }));
        Assert.That(started, Is.Empty);
    }

    [Test]
    public void CheckWithAnotherFileIsAUsageError()
    {
        Assert.That(Run("--check", "a.d", "b.d"), Is.EqualTo(255));
        Assert.That(stderr.ToString(), Is.EqualTo(Usage));
        Assert.That(checkedFiles, Is.Empty);
    }

    [Test]
    public void CheckWithoutFileIsAUsageError()
    {
        Assert.That(Run("--check"), Is.EqualTo(255));
        Assert.That(stderr.ToString(), Does.EndWith(Usage));
        Assert.That(stderr.ToString(), Does.StartWith("statmgr: "));
    }

    [Test]
    public void VersionPrintsCsVersion()
    {
        Assert.That(Run("--version"), Is.EqualTo(0));
        Assert.That(stdout.ToString(), Is.EqualTo("statmgr version 2.0.14 - 2017-06-08\n"));
    }

    [Test]
    public void VersionWithAFileIsAUsageError()
    {
        Assert.That(Run("--version", "statmgr.d"), Is.EqualTo(255));
        Assert.That(started, Is.Empty);
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public void HelpDescribesTheCommandLine(string option)
    {
        Assert.That(Run(option), Is.EqualTo(0));
        Assert.That(stdout.ToString(), Does.Contain("--check <configfile>"));
        Assert.That(stdout.ToString(), Does.Contain("--version"));
        Assert.That(started, Is.Empty);
    }

    [Test]
    public void ResponseFilesAreNotExpanded()
    {
        Assert.That(Run("@statmgr.d"), Is.EqualTo(17));
        Assert.That(started, Is.EqualTo(new[] { "@statmgr.d" }));
    }

    [Test]
    public void ResponseFilesAreNotExpandedAfterCheck()
    {
        Assert.That(Run("--check", "@statmgr.d"), Is.EqualTo(1));
        Assert.That(checkedFiles, Is.EqualTo(new[] { "@statmgr.d" }));
    }

    [Test]
    public void DirectiveLookingNamesAreFileNames()
    {
        Assert.That(Run("[diagram]"), Is.EqualTo(17));
        Assert.That(started, Is.EqualTo(new[] { "[diagram]" }));
    }
}
