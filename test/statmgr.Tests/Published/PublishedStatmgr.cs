using System.Runtime.InteropServices;
using Statmgr.Tests.Cli;

namespace Statmgr.Tests.Published;

/// <summary>
/// The self-contained single-file statmgr that <c>make publish</c> (or build.ps1) writes to
/// out/publish/&lt;rid&gt;/, run as its own process the way an operator or startstop runs it.
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

    public static string PublishDirectory => Path.Combine(StatmgrProcess.RepositoryRoot, "out", "publish", RuntimeIdentifier);

    public static string ExecutablePath => Path.Combine(PublishDirectory, OperatingSystem.IsWindows() ? "statmgr.exe" : "statmgr");

    /// <summary>The demo's Earthworm tables (earthworm.d, earthworm_global.d, earthworm_commonvars.d).</summary>
    public static string DemoParamsDirectory => Path.Combine(StatmgrProcess.RepositoryRoot, "test", "demo", "params");

    /// <summary>Fails the test (never skips it) when the binary has not been published.</summary>
    public static void RequirePublished()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"The published statmgr is missing: {ExecutablePath}. "
                + "`make test` publishes it first; otherwise run `make publish` (build.ps1 on Windows) before the tests.");
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
