using Statmgr.Earthworm.Logging;
using Statmgr.Notify.Mail;

namespace Statmgr.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Func<string, string?> environment = Environment.GetEnvironmentVariable;
        var processId = Environment.ProcessId;
        var start = new StartCommand(
            () => Logit.ForCurrentProcess(TimeProvider.System),
            environment,
            File.Exists,
            processId,
            MonitorCommand.Run);
        if (StatmgrCommandLine.IsConfigFileOnly(args))
        {
            // C's own command line, the way startstop starts statmgr: no parser, console writer
            // or other command is made, so the daemon starts sooner and smaller.
            return start.Run(args[0]);
        }
        var check = new ConfigurationCheck(Console.Out, environment, File.Exists, processId, new MailConfigurationCheck().Check);
        var testMail = new MailTestCommand(Console.Out, environment, File.Exists, processId, TimeProvider.System);
        var status = new StatusCommand(Console.Out, Console.Error, environment, File.Exists, processId, TimeProvider.System);
        var reload = new ReloadCommand(Console.Out, Console.Error, environment, File.Exists, processId, TimeProvider.System);
        var silences = new SilenceCommand(Console.Out, Console.Error, environment, File.Exists, processId, TimeProvider.System);
        var commandLine = new StatmgrCommandLine(Console.Out, Console.Error, new StatmgrCommands(start.Run, check.Run, testMail.Run, status.Run,
            reload.Run, silences.Add, silences.List, silences.Remove));
        return commandLine.Run(args);
    }
}
