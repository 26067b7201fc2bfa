using System.Globalization;
using Statmgr.Config;
using Statmgr.Earthworm;
using Statmgr.Earthworm.Transport;
using Statmgr.Monitor.Modules;
using Statmgr.Monitor.Rings;
using Statmgr.Notify;

namespace Statmgr.Monitor;

/// <summary>
/// The rest of C's startup, after the configuration is read: attach the RingName ring, find
/// every ring with CheckAllRings, flush old messages from the monitored rings, send the startup
/// report, start the timers, and hand back the main loop ready to run.
/// </summary>
internal static class MonitorStartup
{
    public static StatusManager Start(MonitorContext context)
    {
        var config = context.Config;
        var types = context.Types;
        var logit = context.Logit;
        var time = context.Time;
        byte myModule = config.MyModuleId;
        byte installation = context.LocalInstallation;

        var pageRing = AttachOrExit(context, config.RingName, config.RingKey);
        var outbox = new RingOutbox(logit);
        var monitored = FindRings(context, pageRing, outbox);
        bool multiRing = monitored is not null;
        monitored ??= [new MonitoredRing(pageRing, "")];
        var rings = new RingSet(pageRing, monitored, multiRing, context.AttachRing, logit);

        var wanted = StatusLogos(context);
        foreach (var ring in monitored)
        {
            ring.Ring.Flush(wanted);
        }

        var modules = new ModuleTable(config.Descriptors);
        var own = FindOwn(modules, context);
        var pager = new Pager(() => rings.PageRing, new Logo(installation, myModule, types.Page), config.PageMaxBytes, outbox, logit);
        IRecipientRouting routing = config.LegacyMailRouting
            ? new LegacyRouting(config.MailRecipients, config.MailServers.Count > 0)
            : new DocumentedRouting(config.MailRecipients, context.Mail.HasMailPath);
        var silences = context.Silences is { } keeper ? new ModuleSilences(keeper, own.Descriptor, logit) : null;
        var reports = new ReportDispatcher(logit, pager, context.Mail, routing, config.PageGroups,
            config.LimitWindowSeconds > 0 ? new ReportLimitWindow(config.LimitWindowSeconds, time) : null, silences is null ? null : silences.For);
        var ownErrors = new OwnErrorReporter(own, reports);
        var restarts = new RestartTracker(modules, new Logo(installation, myModule, types.Restart), outbox, logit, time);
        var policy = new AlertPolicy(reports, restarts, monitored[0], logit, silences);
        var planner = new WaitPlanner();
        var heartbeatClock = new HeartbeatClock(config.HeartbeatClock, time);
        var dispatcher = new MessageDispatcher(types,
            new UnknownModuleGate(modules, ownErrors, config.DontReportUnknownModule != 0, time),
            new HeartbeatHandler(reports, ownErrors, logit, config.Debug, context.ModuleName, time,
                heartbeatClock, new HeartbeatSkewWatch(config.HeartbeatSkewSeconds, logit, time), policy),
            new ErrorHandler(reports, ownErrors, time),
            restarts);
        var drainer = new RingDrainer(rings, wanted, dispatcher,
            new TransportProblemReporter(ownErrors, planner, multiRing, logit, time),
            context.Stop, logit, multiRing && config.Debug > 1, time);
        var pageit = new PageitHeartbeat(pager, context.SysName, config.HeartbeatPageit);
        var expiry = new HeartbeatExpiryScan(modules, reports, restarts, monitored[0], logit, policy, heartbeatClock, silences);

        long now = EpochClock.Now(time);
        if (!ownErrors.TryReport(StatmgrError.Startup, now, ""))
        {
            logit.Write("e", "statmgr message 0 not found\n");
        }
        now = EpochClock.Now(time);
        pageit.Start(now);
        modules.Reset(now);
        heartbeatClock.Start(now);

        var logLoss = new LogLossReporter(context.LogLosses, reports, own.Descriptor);
        return new StatusManager(drainer, pageit, expiry, planner, ownErrors, outbox, logLoss, context);
    }

    /// <summary>The four status logos of every GetStatusFrom line: heartbeat, error, stop, restart.</summary>
    public static Logo[] StatusLogos(MonitorContext context)
    {
        var types = context.Types;
        var logos = new List<Logo>();
        foreach (var source in context.Config.StatusSources)
        {
            logos.Add(new Logo(source.Installation, source.Module, types.Heartbeat));
            logos.Add(new Logo(source.Installation, source.Module, types.Error));
            logos.Add(new Logo(source.Installation, source.Module, types.Stop));
            logos.Add(new Logo(source.Installation, source.Module, types.Restart));
        }
        return logos.ToArray();
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

    private static ModuleHealth FindOwn(ModuleTable modules, MonitorContext context)
    {
        foreach (var module in modules.Modules)
        {
            if (ReferenceEquals(module.Descriptor, context.OwnDescriptor))
            {
                return module;
            }
        }
        return modules.Find(context.OwnDescriptor.ModId, context.OwnDescriptor.InstId)
            ?? throw new InvalidOperationException("statmgr's own descriptor is not among the loaded descriptors");
    }
}
