namespace Statmgr.Stress;

/// <summary>
/// stress bench: the statmgr table of make bench (startup, idle cost, memory, detection delay,
/// floods, error parsing), the native and ReadyToRun binaries beside C's figures. stress soak:
/// make soak's long run. BENCH_QUICK=1 shortens every bench run, for trials. Exit 0, or 1 when
/// a run fails.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        Cleanup.InstallSignalHandlers();
        try
        {
            return args.FirstOrDefault() switch
            {
                "bench" => Bench(args[1..]),
                "soak" => Soak.Run(Tools.Find(), SoakSettings.FromEnvironment(args[1..]), Console.Out),
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

    /// <summary>stress bench [--rid RID] [PART]...: RID names the out/publish*/RID folders (make's RID).</summary>
    private static int Bench(string[] args)
    {
        var rid = Tools.DefaultRid;
        var parts = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rid" && i + 1 < args.Length)
            {
                rid = args[++i];
            }
            else
            {
                parts.Add(args[i]);
            }
        }
        return StatmgrBench.Run(Tools.Find(rid), Environment.GetEnvironmentVariable("BENCH_QUICK") == "1", parts, Console.Out);
    }

    private static int Usage()
    {
        Console.Error.WriteLine($"usage: stress bench [--rid RID] [{string.Join('|', StatmgrBench.Parts)}]... | stress soak [--key-base N]   (BENCH_QUICK=1, SOAK_SECONDS=N)");
        return 2;
    }
}
