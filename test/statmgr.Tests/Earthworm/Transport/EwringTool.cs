using System.Diagnostics;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>The ewring tool built beside this test assembly, run as a real child process.</summary>
internal static class EwringTool
{
    public static string Path => ChildProgram.SiblingTool("ewring");

    /// <summary>Starts ewring with the arguments and no EW_PARAMS; the caller waits for it and disposes it.</summary>
    public static Process Start(params string[] arguments) => ChildProgram.Start(StartInfo(null, arguments));

    /// <summary>Runs ewring to the end without EW_PARAMS: exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) => RunWith(null, arguments);

    /// <summary>Runs ewring to the end with EW_PARAMS set to <paramref name="ewParams"/>.</summary>
    public static (int ExitCode, string Output, string Error) RunWith(string? ewParams, params string[] arguments)
    {
        var outcome = ChildProgram.Run(StartInfo(ewParams, arguments));
        return (outcome.ExitCode, outcome.Stdout, outcome.Stderr);
    }

    private static ProcessStartInfo StartInfo(string? ewParams, string[] arguments) =>
        ChildProgram.StartInfo(Path, arguments, new Dictionary<string, string?> { ["EW_PARAMS"] = ewParams });
}
