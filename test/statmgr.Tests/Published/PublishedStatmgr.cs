using System.Runtime.InteropServices;
using Statmgr.Tests.Cli;

namespace Statmgr.Tests.Published;

/// <summary>
/// The published statmgr, run as its own process the way an operator or startstop runs it: the
/// native binary that <c>make publish</c> (or build.ps1) writes to out/publish/&lt;rid&gt;/, or, where
/// there is none, the ReadyToRun single file of <c>make publish-r2r</c> in out/publish-r2r/&lt;rid&gt;/
/// (what <c>make test</c> publishes on a host that cannot link a native binary).
/// </summary>
internal static class PublishedStatmgr
{
    /// <summary>The runtime identifier the Makefile and build.ps1 publish for on this machine.</summary>
    public static string RuntimeIdentifier
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
            return os + "-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        }
    }

    private static string ExecutableName => OperatingSystem.IsWindows() ? "statmgr.exe" : "statmgr";

    /// <summary>Where <c>make publish</c> writes the native binary.</summary>
    public static string NativeDirectory => Path.Combine(StatmgrProcess.RepositoryRoot, "out", "publish", RuntimeIdentifier);

    /// <summary>Where <c>make publish-r2r</c> writes the ReadyToRun single file.</summary>
    public static string ReadyToRunDirectory => Path.Combine(StatmgrProcess.RepositoryRoot, "out", "publish-r2r", RuntimeIdentifier);

    /// <summary>The native binary's, when there is one; else the ReadyToRun single file's.</summary>
    public static string PublishDirectory => IsNative ? NativeDirectory : ReadyToRunDirectory;

    /// <summary>The binary under test is the native one.</summary>
    public static bool IsNative => File.Exists(Path.Combine(NativeDirectory, ExecutableName));

    public static string ExecutablePath => Path.Combine(PublishDirectory, ExecutableName);

    /// <summary>The demo's Earthworm tables (earthworm.d, earthworm_global.d, earthworm_commonvars.d).</summary>
    public static string DemoParamsDirectory => Path.Combine(StatmgrProcess.RepositoryRoot, "test", "demo", "params");

    /// <summary>Fails the test (never skips it) when the binary has not been published.</summary>
    public static void RequirePublished()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"The published statmgr is missing: neither {Path.Combine(NativeDirectory, ExecutableName)} nor {ExecutablePath}. "
                + "`make test` publishes it first; otherwise run `make publish` (or `make publish-r2r`; build.ps1 on Windows) before the tests.");
        }
    }

    public static ProcessOutcome Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        RequirePublished();
        // A self-contained binary needs no .NET installation: nothing of the SDK's environment
        // may help it start.
        var start = ChildProgram.StartInfo(ExecutablePath, args, new Dictionary<string, string?>(environment) { ["DOTNET_ROOT"] = null }, workingDirectory, redirectInput: true);
        return ChildProgram.Run(start);
    }
}
