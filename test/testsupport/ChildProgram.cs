using System.Diagnostics;

namespace Statmgr.TestSupport;

/// <summary>
/// The one way the tests and the stress tool start a program of their own (statmgr, ewring,
/// ewmodule, the C ring peer, gcc): no shell, output redirected, and none of the Earthworm
/// variables of the shell that runs the tests, so that a child sees only what the test gives it.
/// </summary>
public static class ChildProgram
{
    /// <summary>How long <see cref="Run"/> waits for a program that should end by itself.</summary>
    public static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);

    private static readonly string[] EarthwormVariables = ["EW_PARAMS", "EW_LOG", "EW_INSTALLATION", "SYS_NAME", "EW_INST_ID"];

    /// <summary>
    /// What to start: <paramref name="program"/> with <paramref name="arguments"/>, stdout and stderr
    /// redirected (stdin too when <paramref name="redirectInput"/>), the Earthworm variables
    /// removed and then <paramref name="environment"/> applied (a null value removes a variable).
    /// </summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null, bool redirectInput = false)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in EarthwormVariables)
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        return start;
    }

    public static Process Start(ProcessStartInfo start) =>
        Process.Start(start) ?? throw new InvalidOperationException($"cannot start {start.FileName}");

    /// <summary>
    /// Runs a program to its end: exit code, stdout and stderr. Standard input, when redirected, is
    /// closed at once. A program still running after <see cref="RunLimit"/> is killed and the run throws.
    /// </summary>
    public static ProcessOutcome Run(ProcessStartInfo start)
    {
        using var process = Start(start);
        if (start.RedirectStandardInput)
        {
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(RunLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {RunLimit.TotalSeconds} s");
        }
        process.WaitForExit();
        return new ProcessOutcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Kills a child that is still running and waits for it (teardown, also after a failure).</summary>
    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        process.Dispose();
    }

    /// <summary>
    /// A test tool built beside the running one: test/NAME/bin/CONFIG/TFM/NAME, found from this
    /// program's own build directory (test/X/bin/CONFIG/TFM). Projects that run a tool reference
    /// it without using its assembly, so it is built first.
    /// </summary>
    public static string SiblingTool(string name)
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = bin.Name;
        var configuration = bin.Parent!.Name;
        var testRoot = bin.Parent!.Parent!.Parent!.Parent!.FullName;
        var tool = Path.Combine(testRoot, name, "bin", configuration, framework, name);
        if (!File.Exists(tool))
        {
            throw new FileNotFoundException($"{name} was not built at {tool}", tool);
        }
        return tool;
    }
}
