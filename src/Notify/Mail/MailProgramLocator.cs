using Statmgr.Earthworm.Kom;

namespace Statmgr.Notify.Mail;

/// <summary>
/// Finds the legacy mail program: a name without a slash is looked up on PATH (as execvp would;
/// C stat()ed it in the working directory and so never found plain <c>mail</c>, B11), a path is
/// taken as written.
/// </summary>
internal static class MailProgramLocator
{
    /// <summary>The program C statmgr used on Linux when MailProgram is not set.</summary>
    public const string DefaultProgram = "mail";

    /// <summary>The full path to run, or null with the reason it cannot be run.</summary>
    public static string? Locate(string program, string? searchPath, out string? problem)
    {
        problem = null;
        if (program.Contains('/', StringComparison.Ordinal))
        {
            problem = Unusable(program);
            return problem is null ? program : null;
        }
        foreach (var directory in (searchPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (Unusable(candidate) is null)
            {
                return candidate;
            }
        }
        problem = "not found on PATH";
        return null;
    }

    /// <summary>Why the file cannot be run as a program, or null when it can.</summary>
    public static string? Unusable(string path)
    {
        if (Directory.Exists(path))
        {
            return "is a directory";
        }
        if (!File.Exists(path))
        {
            return "does not exist";
        }
        if (RegularFile.TypeRefusal(path) is { } refusal)
        {
            return "is " + refusal;
        }
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) == 0 ? "is not executable" : null;
    }
}
