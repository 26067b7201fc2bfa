using Statmgr.Config;
using Statmgr.Earthworm;
using Statmgr.Earthworm.Logging;
using Statmgr.Notify.Mail;

namespace Statmgr.Cli;

/// <summary>
/// <c>statmgr --test-mail &lt;configfile&gt;</c>: loads the configuration as a real start does (writing
/// no log), then mails one test message to every configured recipient and prints what each delivery did.
/// </summary>
public sealed class MailTestCommand
{
    private readonly TextWriter stdout;
    private readonly Func<string, string?> environment;
    private readonly Func<string, bool> fileExists;
    private readonly int processId;
    private readonly TimeProvider time;

    public MailTestCommand(TextWriter stdout, Func<string, string?> environment, Func<string, bool> fileExists, int processId, TimeProvider time)
    {
        this.stdout = stdout;
        this.environment = environment;
        this.fileExists = fileExists;
        this.processId = processId;
        this.time = time;
    }

    public int Run(string configPath)
    {
        var log = new CollectingLogit();
        var problems = new ConfigProblems(log, collectAll: false);
        StartupResult? result;
        try
        {
            result = new StatmgrStartup(log, environment, problems, fileExists, ProgramVersion.Text).Run(configPath, processId);
        }
        catch (EarthwormExitException)
        {
            result = null;
        }

        if (result is null)
        {
            // The configuration does not load: show why, exactly as the log would have it.
            stdout.Write(log.Text);
            stdout.Write("statmgr: configuration did not load; no test message sent (run statmgr --check for every problem)\n");
            stdout.Flush();
            return 1;
        }

        var exit = new MailTestSender(time, stdout).RunAsync(result.Config, result.SystemName).GetAwaiter().GetResult();
        stdout.Flush();
        return exit;
    }
}
