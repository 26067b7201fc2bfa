namespace Statmgr.Stress;

/// <summary>
/// stress bench: the statmgr table of make bench (startup, idle cost, detection delay, floods,
/// error parsing), the port beside C's figures. stress soak: make soak's long run.
/// BENCH_QUICK=1 shortens every bench run, for trials. Exit 0, or 1 when a run fails.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        Cleanup.InstallSignalHandlers();
        try
        {
            var tools = Tools.Find();
            return args.FirstOrDefault() switch
            {
                "bench" => StatmgrBench.Run(tools, Environment.GetEnvironmentVariable("BENCH_QUICK") == "1", args[1..], Console.Out),
                "soak" => Soak.Run(tools, SoakSettings.FromEnvironment(args[1..]), Console.Out),
                _ => Usage(),
            };
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"stress: {e}");
            return 1;
        }
        finally
        {
            Cleanup.DisposeAll();
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: stress bench [startup|idle|detection|flood|errors]... | stress soak [--key-base N]   (BENCH_QUICK=1, SOAK_SECONDS=N)");
        return 2;
    }
}
