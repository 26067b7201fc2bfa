using System.ComponentModel;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Tests.Fixtures;

/// <summary>
/// What the suite needs from the host besides .NET: gcc for the C ring peer, gcc -m32 whose output
/// the kernel can run, and System V shared memory with semaphores. Each is probed once per test run.
/// A test that needs one the host lacks is ignored with the reason, which dotnet test prints and
/// counts as skipped: a host that cannot run a test must not turn the suite red.
/// </summary>
internal static class HostCapabilities
{
    /// <summary>The largest ring a test makes: kernel limits that refuse it would refuse that test.</summary>
    private const long ProbeRingBytes = 16 << 20;

    private static readonly Capability Gcc = new(() => ProbeGcc("gcc", bits: []));
    private static readonly Capability GccM32 = new(() => ProbeGcc("gcc", bits: ["-m32"]));
    private static readonly Capability SystemV = new(ProbeSystemV);

    /// <summary>gcc builds native programs that run here (the LP64 C peer).</summary>
    public static void RequireGcc() => Gcc.Require();

    /// <summary>gcc -m32 builds programs that run here (the ILP32 C peer).</summary>
    public static void RequireGccM32() => GccM32.Require();

    /// <summary>The kernel lets a test make, and remove, a ring as large as any test's.</summary>
    public static void RequireSystemVIpc() => SystemV.Require();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Capability> Programs = new();

    /// <summary>
    /// The full path of <paramref name="program"/> on PATH, which Debian's <paramref name="package"/>
    /// installs (test/toolchain/ensure-status-tools.sh does, where it can).
    /// </summary>
    public static string RequireProgram(string program, string package)
    {
        Programs.GetOrAdd(program, _ => new Capability(() => FindOnPath(program) is null
            ? $"{program} is not on PATH (Debian package {package}; `make toolchain` installs it where it can)"
            : null)).Require();
        return FindOnPath(program)!;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// Builds an empty program with <paramref name="gcc"/> and runs it: linking alone does not show
    /// that the kernel runs the result. Returns why that failed, or null.
    /// </summary>
    internal static string? ProbeGcc(string gcc, string[] bits)
    {
        var what = bits.Length == 0 ? "programs built by gcc" : "32-bit programs";
        using var directory = new TempDirectory("hostprobe-");
        {
            var source = directory.Write("probe.c", "int main(void) { return 0; }\n");
            var program = directory.PathOf("probe");

            var (built, buildError) = RunToEnd(gcc, [.. bits, "-o", program, source]);
            if (buildError is not null)
            {
                return $"gcc cannot be run on this host: {buildError}";
            }
            if (built.ExitCode != 0)
            {
                var firstLine = built.Errors.Split('\n', 2)[0];
                return bits.Length == 0
                    ? $"gcc cannot build a program on this host: {firstLine}"
                    : $"gcc {string.Join(' ', bits)} cannot link a program on this host (install gcc-multilib): {firstLine}";
            }

            var (ran, runError) = RunToEnd(program, []);
            if (runError is not null)
            {
                return $"{what} cannot run on this host: {runError}";
            }
            return ran.ExitCode == 0 ? null : $"{what} cannot run on this host: exit status {ran.ExitCode}";
        }
    }

    /// <summary>
    /// Runs a program to its end (at most a minute). The second value is why it could not be
    /// started (the system's text for the error, such as "Exec format error"), or null.
    /// </summary>
    private static ((int ExitCode, string Errors) Outcome, string? StartError) RunToEnd(string program, string[] arguments)
    {
        try
        {
            var outcome = ChildProgram.Run(ChildProgram.StartInfo(program, arguments));
            return ((outcome.ExitCode, outcome.Stderr), null);
        }
        catch (Win32Exception ex)
        {
            return ((-1, ""), new Win32Exception(ex.NativeErrorCode).Message);
        }
        catch (TimeoutException)
        {
            return ((-1, ""), $"{Path.GetFileName(program)} did not finish within {ChildProgram.RunLimit.TotalSeconds} s");
        }
    }

    /// <summary>Makes and removes a ring as large as any test's, with a key apart from <see cref="Earthworm.Transport.TestRingKeys"/>' keys.</summary>
    private static string? ProbeSystemV()
    {
        var key = 0x56000000L + (Environment.ProcessId & 0xFFFFFF);
        try
        {
            // Create removes what it made when it fails part way.
            SystemVRing.Create("HOST_PROBE", key, ProbeRingBytes).Dispose();
            SystemVRing.Destroy(key);
            return null;
        }
        catch (Exception ex) when (ex is TransportRingException or DllNotFoundException or EntryPointNotFoundException)
        {
            // The last two: a C library without System V IPC (Windows).
            return $"System V shared memory and semaphores are refused on this host: {ex.Message}";
        }
    }

    /// <summary>One capability: probed on first need, then the same answer for the rest of the run.</summary>
    private sealed class Capability(Func<string?> probe)
    {
        private readonly Lazy<string?> _missing = new(probe);
        private int _told;

        public void Require()
        {
            if (_missing.Value is not { } reason)
            {
                return;
            }
            // dotnet test shows only the names of ignored tests at its default verbosity, but it
            // prints the error stream: the reason is told there once a run.
            if (Interlocked.Exchange(ref _told, 1) == 0)
            {
                TestContext.Error.WriteLine($"skipping the tests that need this: {reason}");
            }
            Assert.Ignore(reason);
        }
    }
}
