namespace Statmgr.Cli;

/// <summary>
/// <c>--silence</c>, <c>--silences</c> and <c>--unsilence</c>: the silences file next to the status
/// file, changed atomically. (Contract placeholder: the silences helper writes it.)
/// </summary>
internal sealed class SilenceCommand
{
    private readonly TextWriter _stderr;

    public SilenceCommand(TextWriter stdout, TextWriter stderr, Func<string, string?> environment, Func<string, bool> fileExists, int processId,
        TimeProvider time)
    {
        _ = (stdout, environment, fileExists, processId, time);
        _stderr = stderr;
    }

    public int Add(string module, string duration, string reason, string configPath)
    {
        _stderr.Write($"statmgr: --silence {module} {duration} {reason} {configPath}: not built yet\n");
        return 1;
    }

    public int List(string configPath)
    {
        _stderr.Write($"statmgr: --silences {configPath}: not built yet\n");
        return 1;
    }

    public int Remove(string idOrModule, string configPath)
    {
        _stderr.Write($"statmgr: --unsilence {idOrModule} {configPath}: not built yet\n");
        return 1;
    }
}
