using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;

namespace Statmgr.Tests.Published;

/// <summary>
/// The published statmgr (out/publish/&lt;rid&gt;/statmgr, the native binary; out/publish-r2r's where
/// the host cannot link one), driven as an operator would: checking the repository's statmgr.d and
/// descriptors against the demo's Earthworm tables, a wrong command line, and --version; and what
/// the native binary needs from the host it is copied to.
/// </summary>
public class PublishedBinaryTests
{
    private const string Version = "2.0.14 - 2017-06-08";

    /// <summary>
    /// The libraries of glibc itself, which every Earthworm host has: the loader, libc, libm, and the
    /// libraries glibc before 2.34 kept apart (libdl, librt, libpthread), plus the kernel's vDSO.
    /// </summary>
    private static readonly string[] CLibraryFiles =
        ["linux-vdso.so.1", "libc.so.6", "libm.so.6", "libdl.so.2", "librt.so.1", "libpthread.so.0", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1"];

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

    private static void RequireNative()
    {
        if (!PublishedStatmgr.IsNative)
        {
            Assert.Ignore($"no native binary in {PublishedStatmgr.NativeDirectory} (this host cannot link one: see `make toolchain`); "
                + $"the tests run {PublishedStatmgr.ExecutablePath}");
        }
    }

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
    public void NativeBinaryIsNoDotnetBundle()
    {
        RequireNative();
        // A .NET single-file bundle (the ReadyToRun build) carries this marker for its host to
        // find the runtime and assemblies packed inside; a native binary has nothing to unpack.
        var bundleMarker = SHA256.HashData(Encoding.ASCII.GetBytes(".net core bundle\n"));

        var binary = File.ReadAllBytes(PublishedStatmgr.ExecutablePath);

        Assert.That(binary.AsSpan().IndexOf(bundleMarker), Is.EqualTo(-1),
            $"{PublishedStatmgr.ExecutablePath} is a .NET single-file bundle, not a NativeAOT binary");
    }

    [Test]
    [Platform("Linux")]
    public void NativeBinaryNeedsOnlyTheCLibrary()
    {
        RequireNative();
        ProcessOutcome outcome;
        try
        {
            outcome = ChildProgram.Run(ChildProgram.StartInfo("ldd", [PublishedStatmgr.ExecutablePath]));
        }
        catch (Win32Exception e)
        {
            Assert.Ignore($"ldd cannot be run on this host: {e.Message}");
            return;
        }

        // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)", "/lib64/ld-linux-x86-64.so.2 (0x...)"
        var needed = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Path.GetFileName(line.Trim().Split(' ')[0]))
            .ToList();

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stdout + outcome.Stderr);
        Assert.That(needed, Does.Contain("libc.so.6"));
        Assert.That(needed.Except(CLibraryFiles), Is.Empty, outcome.Stdout);
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
