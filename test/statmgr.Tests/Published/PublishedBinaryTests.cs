namespace Statmgr.Tests.Published;

/// <summary>
/// The published single-file statmgr (out/publish/&lt;rid&gt;/statmgr), driven as an operator would:
/// checking the repository's statmgr.d and descriptors against the demo's Earthworm tables, a wrong
/// command line, and --version.
/// </summary>
public class PublishedBinaryTests
{
    private const string Version = "2.0.14 - 2017-06-08";

    private TempDirectory _directory = null!;
    private Dictionary<string, string?> _environment = null!;

    [SetUp]
    public void SetUp()
    {
        // A short name: descriptor paths are limited to 63 characters, as in C.
        _directory = new TempDirectory("smp");
        _environment = new Dictionary<string, string?>
        {
            ["EW_PARAMS"] = _directory.Directory + Path.DirectorySeparatorChar, // as the Earthworm env scripts set it
            ["EW_INSTALLATION"] = "INST_MENLO",
            ["SYS_NAME"] = "demohost",
        };
        PublishedStatmgr.RequirePublished();
    }

    [TearDown]
    public void TearDown() => _directory.Dispose();

    private void CopyInto(string source)
    {
        File.Copy(source, _directory.PathOf(Path.GetFileName(source)), overwrite: true);
    }

    [Test]
    public void PublishDirectoryHoldsOneSelfContainedExecutable()
    {
        var assemblies = Directory.GetFiles(PublishedStatmgr.PublishDirectory, "*.dll");

        Assert.That(assemblies, Is.Empty, "a single-file publish leaves no assemblies beside the executable");
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(PublishedStatmgr.ExecutablePath);
            Assert.That(mode & UnixFileMode.UserExecute, Is.EqualTo(UnixFileMode.UserExecute));
        }
    }

    [Test]
    public void CheckOfRepositoryConfigurationWithDemoTablesExitsZero()
    {
        foreach (var table in Directory.GetFiles(PublishedStatmgr.DemoParamsDirectory, "*.d"))
        {
            CopyInto(table);
        }
        var root = Cli.StatmgrProcess.RepositoryRoot;
        CopyInto(Path.Combine(root, "statmgr.d"));
        foreach (var file in Directory.GetFiles(Path.Combine(root, "desc")))
        {
            CopyInto(file);
        }

        var outcome = PublishedStatmgr.Run(_directory.Directory, _environment, "--check", "statmgr.d");

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stdout + outcome.Stderr);
        Assert.That(outcome.Stderr, Is.Empty);
        Assert.That(outcome.Stdout, Does.Not.Contain(": error: ").And.Not.Contain(": warning: "));
        Assert.That(outcome.Stdout, Does.StartWith("\n       *****  Statmgr Configuration file  *****\n RingName        STATUS_RING\n"));
        // statmgr.desc with the demo's numbers: MOD_STATMGR 132, INST_MENLO 3.
        Assert.That(outcome.Stdout, Does.Contain("# Descriptor file #1\n# Module description:\n modName    statmgr\n modId      132\n instId     3\n system     demohost\n"));
        Assert.That(outcome.Stdout, Does.Contain("# Descriptor file #5\n"));
        Assert.That(outcome.Stdout, Does.EndWith("---------------------------------------------------\n"));
    }

    [TestCase("")]
    [TestCase("statmgr.d other.d")]
    public void WrongArgumentCountPrintsUsageOnStderrAndExits255(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var outcome = PublishedStatmgr.Run(_directory.Directory, _environment, args);

        Assert.That(outcome.Stderr, Is.EqualTo("Usage: statmgr <configfile>\nVersion: " + Version + "\n"));
        Assert.That(outcome.Stdout, Is.Empty);
        Assert.That(outcome.ExitCode, Is.EqualTo(255));
    }

    [Test]
    public void VersionOptionPrintsTheVersion()
    {
        var outcome = PublishedStatmgr.Run(_directory.Directory, _environment, "--version");

        Assert.That(outcome.Stdout, Is.EqualTo("statmgr version " + Version + "\n"));
        Assert.That(outcome.Stderr, Is.Empty);
        Assert.That(outcome.ExitCode, Is.EqualTo(0));
    }
}
