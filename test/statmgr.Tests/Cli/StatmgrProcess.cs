namespace Statmgr.Tests.Cli;

/// <summary>Runs the built statmgr.dll (or <see cref="Executable"/>) as its own process, as startstop would.</summary>
internal static class StatmgrProcess
{
    public static string DllPath => Path.Combine(TestContext.CurrentContext.TestDirectory, "statmgr.dll");

    /// <summary>
    /// A statmgr executable to run instead of <c>dotnet statmgr.dll</c>, from STATMGR_EXE: `make test`
    /// runs the whole-process tests a second time against the published (native) binary.
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

    public static ProcessOutcome Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        ChildProgram.Run(StartInfo(workingDirectory, environment, args));

    /// <summary>How to start statmgr with <paramref name="args"/>, for a test that reads its output as it comes.</summary>
    public static System.Diagnostics.ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        ChildProgram.StartInfo(Executable ?? "dotnet", Executable is null ? [DllPath, .. args] : args, environment, workingDirectory);
}
