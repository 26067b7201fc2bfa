namespace Statmgr.Cli;

/// <summary>
/// <c>statmgr --reload &lt;configfile&gt;</c>: <c>--check</c> first, then SIGHUP to the running statmgr,
/// then its answer from the log. (Contract placeholder: the reload helper writes it.)
/// </summary>
internal sealed class ReloadCommand
{
    private readonly TextWriter _stderr;

    public ReloadCommand(TextWriter stdout, TextWriter stderr, Func<string, string?> environment, Func<string, bool> fileExists, int processId,
        TimeProvider time)
    {
        _ = (stdout, environment, fileExists, processId, time);
        _stderr = stderr;
    }

    public int Run(string configPath)
    {
        _stderr.Write($"statmgr: --reload {configPath}: not built yet\n");
        return 1;
    }
}
