using System.Diagnostics;
using System.Runtime.InteropServices;
using Statmgr.Tests.Cli;

namespace Statmgr.Tests.Published;

/// <summary>
/// The self-contained single-file statmgr that <c>make publish</c> (or build.ps1) writes to
/// out/publish/&lt;rid&gt;/, run as its own process the way an operator or startstop runs it.
/// </summary>
internal static class PublishedStatmgr
{
    private static readonly string[] EarthwormVariables = ["EW_PARAMS", "EW_LOG", "EW_INSTALLATION", "SYS_NAME", "EW_INST_ID"];

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

    public static ProcessOutcome Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        RequirePublished();
        var info = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // A self-contained binary needs no .NET installation: nothing of the SDK's environment
        // may help it start.
        info.Environment.Remove("DOTNET_ROOT");
        foreach (var name in EarthwormVariables)
        {
            info.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the published statmgr did not finish within 60 s");
        }
        return new ProcessOutcome(process.ExitCode, stdout.Result, stderr.Result);
    }
}
