using System.Runtime.InteropServices;
using Statmgr.Earthworm.Transport;
using Statmgr.ToolCommon;

namespace Statmgr.EwModule;

/// <summary>ewmodule: a simulated Earthworm module for statmgr's end-to-end tests and the demonstration.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (NumericModuleCommand.Parse(args) is { } numeric)
        {
            return await RunNumericAsync(numeric).ConfigureAwait(false);
        }
        if (CommandLine.OrExplain(ModuleOptions.Parse(args, out string error), error, ModuleOptions.Usage) is not { } options)
        {
            return CommandLine.UsageExitCode;
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
        string? startCount = Environment.GetEnvironmentVariable("EWSUPERVISOR_START_COUNT");
        return await RunAsync(ring, options, new Logo(inst, mod, heartbeat), new Logo(inst, mod, errorType),
            firstStart: startCount is null or "1", Console.Out).ConfigureAwait(false);
    }

    private static async Task<int> RunNumericAsync(NumericModuleCommand command)
    {
        Console.Out.WriteLine($"pid {Environment.ProcessId}");
        Console.Out.Flush();
        TransportRing ring;
        try
        {
            ring = SystemVRing.Attach("RING", command.RingKey);
        }
        catch (TransportRingException e)
        {
            Console.Error.WriteLine($"ewmodule: {e.Message}");
            return 1;
        }
        using (ring)
        {
            // Quiet apart from the pid line: the tests redirect stdout and may never read it.
            return await RunAsync(ring, command.ToOptions(), command.Heartbeat, command.Heartbeat, firstStart: true,
                TextWriter.Null).ConfigureAwait(false);
        }
    }

    private static async Task<int> RunAsync(ITransportRing ring, ModuleOptions options, Logo heartbeat, Logo error,
        bool firstStart, TextWriter output)
    {
        using var stop = new CancellationTokenSource();
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        var runner = new ModuleRunner(ring, options, heartbeat, error, Environment.ProcessId, firstStart,
            TimeProvider.System, output);
        return await runner.RunAsync(stop.Token).ConfigureAwait(false);
    }
}
