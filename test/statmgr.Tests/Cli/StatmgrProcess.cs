using System.Diagnostics;

namespace Statmgr.Tests.Cli;

/// <summary>Runs the built statmgr.dll (or <see cref="Executable"/>) as its own process, as startstop would.</summary>
internal static class StatmgrProcess
{
    private static readonly string[] EarthwormVariables = ["EW_PARAMS", "EW_LOG", "EW_INSTALLATION", "SYS_NAME", "EW_INST_ID"];

    public static string DllPath => Path.Combine(TestContext.CurrentContext.TestDirectory, "statmgr.dll");

    /// <summary>
    /// A statmgr executable to run instead of <c>dotnet statmgr.dll</c>, from STATMGR_EXE: `make test`
    /// runs the whole-process tests a second time against the published (trimmed) binary.
    /// </summary>
    public static string? Executable => Environment.GetEnvironmentVariable("STATMGR_EXE") is { Length: > 0 } exe ? exe : null;

    /// <summary>The repository root (where statmgr.csproj and the sample statmgr.d are).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "statmgr.csproj")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("statmgr.csproj not found above the test directory");
        }
    }

    public static ProcessOutcome Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(Executable ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Executable is null)
        {
            info.ArgumentList.Add(DllPath);
        }
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var name in EarthwormVariables)
        {
            info.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("statmgr did not finish within 60 s");
        }
        return new ProcessOutcome(process.ExitCode, stdout.Result, stderr.Result);
    }
}
