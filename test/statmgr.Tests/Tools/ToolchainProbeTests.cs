using System.Runtime.Versioning;
using Statmgr.Tests.Cli;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Tools;

/// <summary>
/// The host probes, on hosts they cannot change: for the C ring peer, test/toolchain/ensure-gcc-m32.sh
/// (run by `make toolchain`) and the tests' own probe, each with a fake gcc first on PATH; for the
/// native publish, test/toolchain/ensure-native-toolchain.sh with a fake clang. The scripts never
/// install anything here (STATMGR_TOOLCHAIN_NO_INSTALL), and must exit 0 whatever they find, so
/// that `make test` goes on to the tests, which skip with the same reason or run the ReadyToRun
/// binary; the native script's --check tells `make test` which binary to publish.
/// </summary>
[Platform("Linux")]
[UnsupportedOSPlatform("windows")]
public class ToolchainProbeTests
{
    /// <summary>
    /// Writes, for -o, a file the kernel refuses as a kernel without 32-bit support refuses a real
    /// 32-bit program: ELF magic, then nothing it recognises ("Exec format error"). Its arguments
    /// go to gcc.args, one a line.
    /// </summary>
    private const string UnrunnableGcc =
        "#!/bin/sh\n"
        + "out=\n"
        + "for arg in \"$@\"; do\n"
        + "  [ \"$prev\" = -o ] && out=$arg\n"
        + "  prev=$arg\n"
        + "  echo \"$arg\" >> \"$(dirname \"$0\")/gcc.args\"\n"
        + "done\n"
        + "printf '\\177ELF\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0' > \"$out\"\n"
        + "chmod +x \"$out\"\n";

    private const string UnlinkingGcc = "#!/bin/sh\necho 'cannot find -lgcc' >&2\nexit 1\n";

    private const string UnlinkingClang = "#!/bin/sh\necho 'cannot find -lrt' >&2\nexit 1\n";

    private const string LinkingCompiler = "#!/bin/sh\nexit 0\n";

    private const string NoInstall = " (nothing installed: STATMGR_TOOLCHAIN_NO_INSTALL is set); make test tests the ReadyToRun binary instead\n";

    private TempDirectory _bin = null!;

    private static string Script => ToolchainScript("ensure-gcc-m32.sh");

    private static string NativeScript => ToolchainScript("ensure-native-toolchain.sh");

    private static string StatusToolsScript => ToolchainScript("ensure-status-tools.sh");

    private static string ToolchainScript(string name) => Path.Combine(StatmgrProcess.RepositoryRoot, "test", "toolchain", name);

    [SetUp]
    public void SetUp() => _bin = new TempDirectory("fakegcc-");

    [TearDown]
    public void TearDown() => _bin.Dispose();

    private string WriteGcc(string script) => _bin.Write("gcc", script, "700");

    private static (int ExitCode, string Stdout, string Stderr) RunScript(string path) => RunScript(path, Script);

    private static (int ExitCode, string Stdout, string Stderr) RunScript(string path, params string[] scriptAndArguments)
    {
        var outcome = ChildProgram.Run(ChildProgram.StartInfo("bash", scriptAndArguments, new Dictionary<string, string?>
        {
            ["PATH"] = path,
            ["STATMGR_TOOLCHAIN_NO_INSTALL"] = "1",
        }));
        return (outcome.ExitCode, outcome.Stdout, outcome.Stderr);
    }

    private string WithFakeGccFirst() => _bin.Directory + ":" + Environment.GetEnvironmentVariable("PATH");

    /// <summary>
    /// A PATH of the fake tools alone, with links to the few real programs the native script runs
    /// besides the compiler (mktemp, rm), so that no real compiler or objcopy is found.
    /// </summary>
    private string FakeToolsOnly()
    {
        foreach (var tool in new[] { "mktemp", "rm" })
        {
            var real = Environment.GetEnvironmentVariable("PATH")!.Split(':')
                .Select(dir => Path.Combine(dir, tool))
                .First(File.Exists);
            File.CreateSymbolicLink(_bin.PathOf(tool), real);
        }
        return _bin.Directory;
    }

    [Test]
    public void ScriptRunsWhatItBuiltAndReportsTheSkipWhen32BitProgramsCannotRun()
    {
        WriteGcc(UnrunnableGcc);

        var outcome = RunScript(WithFakeGccFirst());

        Assert.That(outcome, Is.EqualTo((0,
            "32-bit programs cannot run on this host: Exec format error; the ILP32 interop tests will be skipped\n", "")));
        var args = File.ReadAllLines(_bin.PathOf("gcc.args"));
        Assert.That(args[0], Is.EqualTo("-m32"), "the probe built with the fake gcc, for 32 bits");
    }

    [Test]
    public void ScriptReportsTheSkipWhenGccMinus32CannotLinkAndNothingMayBeInstalled()
    {
        WriteGcc(UnlinkingGcc);

        var outcome = RunScript(WithFakeGccFirst());

        Assert.That(outcome, Is.EqualTo((0,
            "gcc -m32 cannot link a program here (gcc-multilib not installed: STATMGR_TOOLCHAIN_NO_INSTALL is set): "
            + "the ILP32 interop tests will be skipped\n", "")));
    }

    [Test]
    public void ScriptReportsTheSkipWhenThereIsNoGcc()
    {
        var outcome = RunScript(_bin.Directory);

        Assert.That(outcome, Is.EqualTo((0, "gcc not found: the LP64 and ILP32 interop tests will be skipped\n", "")));
    }

    [Test]
    public void StatusToolsScriptNamesWhatIsMissingAndWhichTestsWillBeSkipped()
    {
        Assert.That(RunScript(_bin.Directory, StatusToolsScript), Is.EqualTo((0,
            "prometheus missing (not installed: STATMGR_TOOLCHAIN_NO_INSTALL is set): the status listener tests that need promtool prometheus will be skipped\n"
            + "chromium missing (not installed: STATMGR_TOOLCHAIN_NO_INSTALL is set): the status listener tests that need chromium will be skipped\n",
            "")));
    }

    [Test]
    public void StatusToolsScriptWantsBothProgramsOfThePrometheusPackage()
    {
        _bin.Write("promtool", LinkingCompiler, "700");
        _bin.Write("chromium", LinkingCompiler, "700");

        Assert.That(RunScript(_bin.Directory, StatusToolsScript), Is.EqualTo((0,
            "prometheus missing (not installed: STATMGR_TOOLCHAIN_NO_INSTALL is set): the status listener tests that need promtool prometheus will be skipped\n"
            + "chromium: ok (chromium)\n",
            "")));
        _bin.Write("prometheus", LinkingCompiler, "700");
        Assert.That(RunScript(_bin.Directory, StatusToolsScript), Is.EqualTo((0, "prometheus: ok (promtool prometheus)\nchromium: ok (chromium)\n", "")));
    }

    [Test]
    public void NativeScriptReportsTheReadyToRunFallbackWhenThereIsNoCompiler()
    {
        Assert.That(RunScript(_bin.Directory, NativeScript),
            Is.EqualTo((0, "native toolchain missing: no C compiler to link with (clang or gcc) on PATH" + NoInstall, "")));
        Assert.That(RunScript(_bin.Directory, NativeScript, "--check"),
            Is.EqualTo((1, "no C compiler to link with (clang or gcc) on PATH\n", "")));
    }

    [Test]
    public void NativeScriptTriesClangBeforeGccAndReportsItsFirstLinkError()
    {
        _bin.Write("clang", UnlinkingClang, "700");

        Assert.That(RunScript(WithFakeGccFirst(), NativeScript),
            Is.EqualTo((0, "native toolchain missing: clang cannot link a program: cannot find -lrt" + NoInstall, "")));
        Assert.That(RunScript(WithFakeGccFirst(), NativeScript, "--check"),
            Is.EqualTo((1, "clang cannot link a program: cannot find -lrt\n", "")));
    }

    [Test]
    public void NativeScriptNeedsObjcopyToStripTheBinary()
    {
        _bin.Write("clang", LinkingCompiler, "700");

        Assert.That(RunScript(FakeToolsOnly(), NativeScript, "--check"),
            Is.EqualTo((1, "no objcopy on PATH (binutils) to strip the binary's symbols\n", "")));
    }

    [Test]
    public void NativeScriptPassesWhenTheCompilerLinksAndObjcopyIsThere()
    {
        _bin.Write("gcc", LinkingCompiler, "700");
        _bin.Write("objcopy", LinkingCompiler, "700");
        var path = FakeToolsOnly();

        Assert.That(RunScript(path, NativeScript),
            Is.EqualTo((0, "native toolchain: ok (gcc links the NativeAOT binary, objcopy strips it)\n", "")));
        Assert.That(RunScript(path, NativeScript, "--check"), Is.EqualTo((0, "", "")));
    }

    [Test]
    public void TestsSkip32BitInteropWithTheKernelsReasonWhenTheirProgramCannotRun()
    {
        var gcc = WriteGcc(UnrunnableGcc);

        Assert.That(HostCapabilities.ProbeGcc(gcc, ["-m32"]), Is.EqualTo("32-bit programs cannot run on this host: Exec format error"));
    }

    [Test]
    public void TestsSkipInteropWithGccsFirstErrorWhenItCannotLink()
    {
        var gcc = WriteGcc(UnlinkingGcc);

        Assert.That(HostCapabilities.ProbeGcc(gcc, ["-m32"]),
            Is.EqualTo("gcc -m32 cannot link a program on this host (install gcc-multilib): cannot find -lgcc"));
        Assert.That(HostCapabilities.ProbeGcc(gcc, []), Is.EqualTo("gcc cannot build a program on this host: cannot find -lgcc"));
    }

    [Test]
    public void TestsSkipInteropWhenThereIsNoGcc()
    {
        Assert.That(HostCapabilities.ProbeGcc(_bin.PathOf("gcc"), []),
            Is.EqualTo("gcc cannot be run on this host: No such file or directory"));
    }
}
