using System.Diagnostics;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>
/// The ewring tool built next to this test assembly (test/ewring/bin/CONFIG/TFM/ewring; the test
/// project references it without using its assembly, so it is built first), run as a real child process.
/// </summary>
internal static class EwringTool
{
    public static string Path
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
            var framework = testBin.Name;
            var configuration = testBin.Parent!.Name;
            var testRoot = testBin.Parent!.Parent!.Parent!.Parent!.FullName; // test/statmgr.Tests/bin/CONFIG/TFM -> test
            var tool = System.IO.Path.Combine(testRoot, "ewring", "bin", configuration, framework, "ewring");
            Assert.That(File.Exists(tool), Is.True, $"ewring was not built at {tool}");
            return tool;
        }
    }

    /// <summary>Starts ewring with the arguments and no EW_PARAMS; the caller waits for it and disposes it.</summary>
    public static Process Start(params string[] arguments) => StartWith(null, arguments);

    /// <summary>Starts ewring with EW_PARAMS set to <paramref name="ewParams"/> (or unset when null).</summary>
    public static Process StartWith(string? ewParams, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Remove("EW_PARAMS");
        if (ewParams is not null)
        {
            start.Environment["EW_PARAMS"] = ewParams;
        }
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start ewring");
    }

    /// <summary>Runs ewring to the end without EW_PARAMS: exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) => RunWith(null, arguments);

    /// <summary>Runs ewring to the end with EW_PARAMS set to <paramref name="ewParams"/>.</summary>
    public static (int ExitCode, string Output, string Error) RunWith(string? ewParams, params string[] arguments)
    {
        using var process = StartWith(ewParams, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException($"ewring {string.Join(' ', arguments)} did not finish");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Kills a child that is still running (teardown after a failure).</summary>
    public static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
        process.Dispose();
    }
}
