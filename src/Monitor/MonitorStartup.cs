using System.Globalization;
using Statmgr.Earthworm;
using Statmgr.Earthworm.Transport;
using Statmgr.Monitor.Modules;
using Statmgr.Monitor.Rings;
using Statmgr.Notify;

namespace Statmgr.Monitor;

/// <summary>
/// The rest of C's startup, after the configuration is read: attach the RingName ring, find
/// every ring with CheckAllRings, flush old messages from the monitored rings, send the startup
/// report, start the timers, and hand back the main loop ready to run. What is built from the
/// configuration is built by <see cref="MonitorParts"/>, as a reload builds it again.
/// </summary>
internal static class MonitorStartup
{
    public static StatusManager Start(MonitorContext context)
    {
        var config = context.Config;
        var logit = context.Logit;
        var time = context.Time;

        var pageRing = AttachOrExit(context, config.RingName, config.RingKey);
        var outbox = new RingOutbox(logit);
        var monitored = FindRings(context, pageRing, outbox);
        bool multiRing = monitored is not null;
        monitored ??= [new MonitoredRing(pageRing, "")];
        var rings = new RingSet(pageRing, monitored, multiRing, context.AttachRing, logit);

        var planner = new WaitPlanner();
        var parts = MonitorParts.Build(context, new ModuleTable(config.Descriptors), rings, outbox, planner, previous: null);
        foreach (var ring in monitored)
        {
            ring.Ring.Flush(parts.Wanted);
        }

        long now = EpochClock.Now(time);
        if (!parts.Own.TryReport(StatmgrError.Startup, now, ""))
        {
            logit.Write("e", "statmgr message 0 not found\n");
        }
        now = EpochClock.Now(time);
        parts.Pageit.Start(now);
        parts.Modules.Reset(now);
        parts.Clock.Start(now);

        var reload = context.Reload is { } request ? new ConfigurationReload(request, rings, outbox, planner) : null;
        return new StatusManager(parts, rings, planner, outbox, reload);
    }

    /// <summary>
    /// Attaches a ring startstop made; one that cannot be attached ends statmgr with C's exit
    /// status 1, naming ring and key.
    /// </summary>
    private static ITransportRing AttachOrExit(MonitorContext context, string name, long key)
    {
        try
        {
            return context.AttachRing(name, key);
        }
        catch (TransportRingException ex)
        {
            string text = $"statmgr: {ex.Message}; exiting.\n";
            context.Logit.Write("et", text);
            throw new EarthwormExitException(1, text);
        }
    }

    /// <summary>Multi-ring mode's rings, attached, or null for single-ring mode.</summary>
    private static List<MonitoredRing>? FindRings(MonitorContext context, ITransportRing pageRing, RingOutbox outbox)
    {
        var config = context.Config;
        if (config.CheckAllRings != 1)
        {
            return null;
        }
        var discovery = new RingDiscovery(pageRing,
            new Logo(context.LocalInstallation, config.MyModuleId, context.Types.ReqStatus),
            new Logo(context.LocalInstallation, 0, context.Types.Status),
            context.Stop, outbox, context.Out, context.Error, context.Logit);
        var found = discovery.Discover();
        if (discovery.Stopped)
        {
            // The main loop's first pass sees the same stop and ends with the shutdown report.
            context.Logit.Write("et", $"statmgr: told to stop while waiting for startstop's ring list; monitoring only {config.RingName} until the stop\n");
            config.CheckAllRings = 0;
            return null;
        }
        if (found is null)
        {
            context.Logit.Write("e", $"Can't get any ring information back from startstop. Reverting to just check the one ring specified in statmgr.d: {config.RingName}\n");
            config.CheckAllRings = 0;
            return null;
        }
        var rings = new List<MonitoredRing>();
        foreach (var ring in found)
        {
            string line = string.Create(CultureInfo.InvariantCulture, $"{ring.Name} {ring.Key} {ring.SizeKb}\n");
            context.Out.Write(line);
            context.Logit.Write("t", "Attaching to RING: " + line);
            rings.Add(new MonitoredRing(AttachOrExit(context, ring.Name, ring.Key), ring.Name));
        }
        return rings;
    }
}
