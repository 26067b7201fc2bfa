using System.Runtime.InteropServices;
using Statmgr.Earthworm.Transport;
using Statmgr.ToolCommon;

namespace Statmgr.EwSupervisor;

/// <summary>ewsupervisor: a stand-in for startstop in statmgr's end-to-end tests and the demonstration.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (CommandLine.OrExplain(SupervisorOptions.Parse(args, out string error), error, SupervisorOptions.Usage) is not { } options)
        {
            return CommandLine.UsageExitCode;
        }
        ToolEnvironment? env = ToolEnvironment.Load("ewsupervisor", Console.Error);
        if (env is null
            || !env.LocalInstallation(out byte inst)
            || !env.Module(options.Module, out byte mod)
            || !env.MessageType("TYPE_HEARTBEAT", out byte heartbeat)
            || !env.MessageType("TYPE_ERROR", out byte errorType)
            || !env.MessageType("TYPE_RESTART", out byte restart)
            || !env.MessageType("TYPE_REQSTATUS", out byte requestStatus)
            || !env.MessageType("TYPE_STATUS", out byte status)
            || !env.MessageType("TYPE_STOP", out byte stop))
        {
            return 2;
        }
        // Like startstop, children run in EW_PARAMS so that their config names resolve there.
        string? ewParams = Environment.GetEnvironmentVariable("EW_PARAMS");
        if (!string.IsNullOrEmpty(ewParams) && Directory.Exists(ewParams))
        {
            Directory.SetCurrentDirectory(ewParams);
        }
        var rings = new List<TransportRing>();
        try
        {
            foreach (string name in options.Rings)
            {
                TransportRing? ring = env.Attach(name);
                if (ring is null)
                {
                    return 2;
                }
                rings.Add(ring);
            }
            var facts = rings.Select(r => new StatusRing(r.Name, (int)r.Key, r.ReadHeader().NBytes / 1024)).ToList();
            using var sigterm = new CancellationTokenSource();
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; sigterm.Cancel(); });
            using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; sigterm.Cancel(); });
            var ids = new SupervisorIds(inst, mod, heartbeat, errorType, restart, requestStatus, status, stop);
            var supervisor = new Supervisor(rings, facts, options, ids, TimeProvider.System, Console.Out);
            return await supervisor.RunAsync(sigterm.Token).ConfigureAwait(false);
        }
        finally
        {
            rings.ForEach(r => r.Dispose());
        }
    }
}
