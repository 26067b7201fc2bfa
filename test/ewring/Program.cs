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
        + " | sniff RING [--count N] [--logo INST MOD TYPE] | flag RING [TERMINATE|PID|clear] | dump RING | hold-lock RING"
        + " | garble RING [--seed S] [--seconds N]  [--layout auto|lp64|ilp32]";

    private static readonly Dictionary<string, Action<ToolArguments, NameResolver, TextWriter>> Verbs = new(StringComparer.Ordinal)
    {
        ["create"] = RingCommands.Create,
        ["destroy"] = RingCommands.Destroy,
        ["put"] = PutCommand.Run,
        ["sniff"] = SniffCommand.Run,
        ["flag"] = RingCommands.Flag,
        ["dump"] = RingCommands.Dump,
        ["garble"] = GarbleCommand.Run,
        ["hold-lock"] = RingCommands.HoldLock,
    };

    public static int Main(string[] args)
    {
        try
        {
            var arguments = new ToolArguments(args);
            var names = new NameResolver(Environment.GetEnvironmentVariable("EW_PARAMS"));
            var output = Console.Out;
            var verb = Verbs.GetValueOrDefault(arguments.Verb) ?? throw new ToolException(Usage);
            verb(arguments, names, output);
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
