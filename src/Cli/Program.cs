using Statmgr.Earthworm.Logging;

namespace Statmgr.Cli;

public static class Program
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
        var check = new ConfigurationCheck(Console.Out, environment, File.Exists, processId);
        var commandLine = new StatmgrCommandLine(Console.Out, Console.Error, start.Run, check.Run);
        return commandLine.Run(args);
    }
}
