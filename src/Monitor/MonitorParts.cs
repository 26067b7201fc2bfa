using Statmgr.Config;
using Statmgr.Earthworm.Transport;
using Statmgr.Monitor.Modules;
using Statmgr.Monitor.Rings;
using Statmgr.Notify;

namespace Statmgr.Monitor;

/// <summary>
/// Everything the main loop uses that is built from one configuration: the module table and the
/// chores, reports and routing around it. The start builds it once; an applied reload builds it
/// again from the new configuration, with the modules' state carried over, and the loop swaps it
/// whole between two passes. The rings, the outbox and the wait planner outlive it.
/// </summary>
internal sealed class MonitorParts
{
    private MonitorParts(MonitorContext context, ModuleTable modules, OwnErrorReporter own, RingDrainer drainer, PageitHeartbeat pageit,
        HeartbeatExpiryScan expiry, HeartbeatClock clock, LogLossReporter logLoss, StatusPublisher? status, Logo[] wanted, DateTimeOffset loadedAt)
    {
        Context = context;
        Modules = modules;
        Own = own;
        Drainer = drainer;
        Pageit = pageit;
        Expiry = expiry;
        Clock = clock;
        LogLoss = logLoss;
        Status = status;
        Wanted = wanted;
        LoadedAt = loadedAt;
    }

    /// <summary>The configuration these parts were built from, and the process around it.</summary>
    public MonitorContext Context { get; }

    public ModuleTable Modules { get; }

    /// <summary>statmgr's own errors, reported through its own descriptor.</summary>
    public OwnErrorReporter Own { get; }

    public RingDrainer Drainer { get; }

    public PageitHeartbeat Pageit { get; }

    public HeartbeatExpiryScan Expiry { get; }

    public HeartbeatClock Clock { get; }

    public LogLossReporter LogLoss { get; }

    public StatusPublisher? Status { get; }

    /// <summary>The status logos of every GetStatusFrom line, as the rings are read with.</summary>
    public Logo[] Wanted { get; }

    /// <summary>When this configuration was loaded: the start, or the reload that applied it.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>
    /// Builds the parts for <paramref name="context"/>'s configuration on <paramref name="rings"/>.
    /// With <paramref name="previous"/> (a reload), what must not start over goes on from it: the
    /// pageit heartbeat's next due time, the heartbeat clock when its mode is the same, the log
    /// loss alarm's memory, the status board's start time. Sends nothing: the start sends its
    /// report itself, and a reload never sends one.
    /// </summary>
    public static MonitorParts Build(MonitorContext context, ModuleTable modules, RingSet rings, RingOutbox outbox, WaitPlanner planner,
        MonitorParts? previous)
    {
        var config = context.Config;
        var types = context.Types;
        var logit = context.Logit;
        var time = context.Time;
        byte myModule = config.MyModuleId;
        byte installation = context.LocalInstallation;
        var defaultRing = rings.Monitored[0];

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
        var policy = new AlertPolicy(reports, restarts, defaultRing, logit, silences);
        var heartbeatClock = previous is { Clock: var kept } && kept.ReadsOnReceipt == (config.HeartbeatClock == HeartbeatClockMode.Receive)
            ? kept
            : new HeartbeatClock(config.HeartbeatClock, time);
        var dispatcher = new MessageDispatcher(types,
            new UnknownModuleGate(modules, ownErrors, config.DontReportUnknownModule != 0, time),
            new HeartbeatHandler(reports, ownErrors, logit, config.Debug, context.ModuleName, time,
                heartbeatClock, new HeartbeatSkewWatch(config.HeartbeatSkewSeconds, logit, time), policy),
            new ErrorHandler(reports, ownErrors, time),
            restarts);
        var wanted = StatusLogos(context);
        var drainer = new RingDrainer(rings, wanted, dispatcher,
            new TransportProblemReporter(ownErrors, planner, rings.MultiRing, logit, time),
            context.Stop, logit, rings.MultiRing && config.Debug > 1, time);
        var pageit = new PageitHeartbeat(pager, context.SysName, config.HeartbeatPageit);
        if (previous is not null)
        {
            pageit.ContinueFrom(previous.Pageit);
        }
        var expiry = new HeartbeatExpiryScan(modules, reports, restarts, defaultRing, logit, policy, heartbeatClock, silences);
        var logLoss = new LogLossReporter(context.LogLosses, reports, own.Descriptor, previous?.LogLoss);
        var status = context.Status is { } board ? new StatusPublisher(board, modules, rings, context, previous?.Status?.StartedAt) : null;
        return new MonitorParts(context, modules, ownErrors, drainer, pageit, expiry, heartbeatClock, logLoss, status, wanted, time.GetUtcNow());
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
