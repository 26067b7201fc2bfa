namespace Statmgr.EwSupervisor;

/// <summary>
/// Splits a Process command the way startstop does (strtok on blanks): runs of blanks are one
/// separator and there is no quoting. The result is handed to the program directly, never to a shell.
/// </summary>
internal static class CommandSplitter
{
    public static IReadOnlyList<string> Split(string command) =>
        command.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
