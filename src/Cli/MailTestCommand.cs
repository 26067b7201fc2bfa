using Statmgr.Notify.Mail;

namespace Statmgr.Cli;

/// <summary>
/// <c>statmgr --test-mail &lt;configfile&gt;</c>: loads the configuration as a real start does (writing
/// no log), then mails one test message to every configured recipient and prints what each delivery did.
/// </summary>
internal sealed class MailTestCommand
{
    private readonly TextWriter _stdout;
    private readonly Func<string, string?> _environment;
    private readonly Func<string, bool> _fileExists;
    private readonly int _processId;
    private readonly TimeProvider _time;

    public MailTestCommand(TextWriter stdout, Func<string, string?> environment, Func<string, bool> fileExists, int processId, TimeProvider time)
    {
        _stdout = stdout;
        _environment = environment;
        _fileExists = fileExists;
        _processId = processId;
        _time = time;
    }

    public int Run(string configPath)
    {
        var result = QuietStartup.Load(configPath, _environment, _fileExists, _processId, out var log);
        if (result is null)
        {
            // The configuration does not load: show why, exactly as the log would have it.
            _stdout.Write(log.Text);
            _stdout.Write("statmgr: configuration did not load; no test message sent (run statmgr --check for every problem)\n");
            _stdout.Flush();
            return 1;
        }

        var exit = new MailTestSender(_time, _stdout).RunAsync(result.Config, result.SystemName).GetAwaiter().GetResult();
        _stdout.Flush();
        return exit;
    }
}
