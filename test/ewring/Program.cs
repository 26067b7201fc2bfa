namespace Statmgr.EwRing;

/// <summary>
/// ewring: create, destroy, write, sniff, flag and dump Earthworm transport rings. Ring, module,
/// installation and type names come from EW_PARAMS like any module; numbers work without it.
/// Exit 0 on success, 1 with a one-line reason on stderr otherwise.
/// </summary>
internal static class Program
{
    public const string Usage =
        "usage: ewring create RING [SIZE_KB] | destroy RING | put RING INST MOD TYPE TEXT [--count N] [--rate MSGS_PER_S]"
        + " | sniff RING [--count N] [--logo INST MOD TYPE] | flag RING [TERMINATE|PID|clear] | dump RING"
        + " | garble RING [--seed S] [--seconds N]  [--layout auto|lp64|ilp32]";

    public static int Main(string[] args)
    {
        try
        {
            var arguments = new ToolArguments(args);
            var names = new NameResolver(Environment.GetEnvironmentVariable("EW_PARAMS"));
            var output = Console.Out;
            switch (arguments.Verb)
            {
                case "create":
                    CreateCommand.Run(arguments, names, output);
                    break;
                case "destroy":
                    DestroyCommand.Run(arguments, names, output);
                    break;
                case "put":
                    PutCommand.Run(arguments, names, output);
                    break;
                case "sniff":
                    SniffCommand.Run(arguments, names, output);
                    break;
                case "flag":
                    FlagCommand.Run(arguments, names, output);
                    break;
                case "dump":
                    DumpCommand.Run(arguments, names, output);
                    break;
                case "garble":
                    GarbleCommand.Run(arguments, names, output);
                    break;
                default:
                    throw new ToolException(Usage);
            }
            output.Flush();
            return 0;
        }
        catch (Exception e)
        {
            // Every failure, expected or not, is one line and exit status 1.
            Console.Out.Flush();
            Console.Error.WriteLine($"ewring: {e.Message.TrimEnd('\n').Replace('\n', ' ')}");
            return 1;
        }
    }
}
