using System.Runtime.InteropServices;
using Statmgr.Earthworm.Transport;
using Statmgr.ToolCommon;

namespace Statmgr.EwModule;

/// <summary>ewmodule: a simulated Earthworm module for statmgr's end-to-end tests and the demonstration.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        ModuleOptions? options = ModuleOptions.Parse(args, out string error);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(ModuleOptions.Usage);
            return 2;
        }
        ToolEnvironment? env = ToolEnvironment.Load("ewmodule", Console.Error);
        if (env is null
            || !env.Installation(options.Installation, out byte inst)
            || !env.Module(options.Module, out byte mod)
            || !env.MessageType("TYPE_HEARTBEAT", out byte heartbeat)
            || !env.MessageType("TYPE_ERROR", out byte errorType))
        {
            return 2;
        }
        using TransportRing? ring = env.Attach(options.Ring);
        if (ring is null)
        {
            return 2;
        }
        using var stop = new CancellationTokenSource();
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        string? startCount = Environment.GetEnvironmentVariable("EWSUPERVISOR_START_COUNT");
        var runner = new ModuleRunner(ring, options, new Logo(inst, mod, heartbeat), new Logo(inst, mod, errorType),
            Environment.ProcessId, firstStart: startCount is null or "1", TimeProvider.System, Console.Out);
        return await runner.RunAsync(stop.Token).ConfigureAwait(false);
    }
}
