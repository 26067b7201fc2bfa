namespace Statmgr.ToolCommon;

/// <summary>How every stand-in answers a command line it cannot use: the problem, then its usage, on stderr, and exit status 2.</summary>
internal static class CommandLine
{
    public const int UsageExitCode = 2;

    /// <summary><paramref name="options"/> when they parsed; otherwise null after saying <paramref name="error"/> and <paramref name="usage"/>.</summary>
    public static T? OrExplain<T>(T? options, string error, string usage)
        where T : class
    {
        if (options is null)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(usage);
        }
        return options;
    }
}
