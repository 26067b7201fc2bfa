using System.Globalization;
using Statmgr.Config;
using Statmgr.Earthworm.Transport;
using Statmgr.Monitor.Modules;
using Statmgr.Monitor.Rings;
using Statmgr.Notify;

namespace Statmgr.Monitor;

/// <summary>
/// Applies a finished reading on the main loop, between two passes. With any problem that is an
/// error it says every problem and that it refused, and nothing changes. Otherwise the rings are
/// attached and detached, the parts are built again from the new configuration with every kept
/// module's state carried over, and each change is said. Nothing is paged or mailed, no ring gets
/// "Program stopping/starting", and no timer starts over (but a new HeartbeatClock mode's).
/// </summary>
internal sealed class ConfigurationReload
{
    public const string DoneLine = "statmgr: reload done\n";

    private readonly ReloadRequest _request;
    private readonly RingSet _rings;
    private readonly RingOutbox _outbox;
    private readonly WaitPlanner _planner;

    public ConfigurationReload(ReloadRequest request, RingSet rings, RingOutbox outbox, WaitPlanner planner)
    {
        _request = request;
        _rings = rings;
        _outbox = outbox;
        _planner = planner;
    }

    /// <summary>The line of a refused reload: the running configuration stays, loaded at <paramref name="loadedAt"/>.</summary>
    public static string RefusedLine(DateTimeOffset loadedAt) => string.Create(CultureInfo.InvariantCulture,
        $"statmgr: reload refused; still running the configuration loaded at {loadedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC\n");

    /// <summary>The parts to run from now on: new ones when a finished reading was applied, else <paramref name="running"/>.</summary>
    public MonitorParts ApplyFinished(MonitorParts running) => _request.TakeFinished() is { } reading ? Apply(reading, running) : running;

    private MonitorParts Apply(ReloadReading reading, MonitorParts running)
    {
        var context = running.Context;
        var logit = context.Logit;
        foreach (var problem in reading.Problems)
        {
            logit.Write("et", problem.ToCheckLine() + "\n");
        }
        if (reading.Refused)
        {
            return Refuse(running);
        }
        var config = reading.Config!;
        var match = ModuleTable.Match(context.Config.Descriptors, config.Descriptors);
        var changes = ReloadChanges.Describe(context.Config, config, match);
        ReloadChanges.KeepNextStartValues(context.Config, config);
        int own = StatmgrStartup.FindOwnDescriptor(config, reading.LocalInstallation);
        if (own < 0)
        {
            logit.Write("et", Problem(config, "MyModuleId",
                "statmgr: Descriptor file of statmgr not loaded; or EW_INSTALLATION and instId in statmgr.desc don't match."));
            return Refuse(running);
        }
        if (PlanRings(reading, config, context) is not { } plan)
        {
            return Refuse(running);
        }

        var next = context with
        {
            Config = config,
            OwnDescriptor = config.Descriptors[own],
            LocalInstallation = reading.LocalInstallation,
            Types = reading.Types!,
            ModuleName = reading.ModuleName,
            Mail = context.ReloadMail?.Invoke(config) ?? context.Mail,
        };
        var before = _rings.Monitored;
        _rings.Replace(plan.PageRing, plan.Monitored, plan.MultiRing);
        long now = EpochClock.Now(context.Time);
        var modules = new ModuleTable(config.Descriptors);
        modules.ContinueFrom(running.Modules, match, now, ring => plan.Monitored.Contains(ring));
        var parts = MonitorParts.Build(next, modules, _rings, _outbox, _planner, running);
        if (!ReferenceEquals(parts.Clock, running.Clock))
        {
            // Timers kept on the other clock mean nothing on this one: every module gets a full tsec from now.
            foreach (var module in modules.Modules)
            {
                module.Timer = parts.Clock.Now(now);
            }
        }
        foreach (var ring in plan.Monitored)
        {
            if (!before.Contains(ring))
            {
                // As at startup: what a ring held before statmgr read it is old news.
                ring.Ring.Flush(parts.Wanted);
                changes.Add($"attached ring {ring.Name}");
            }
        }
        foreach (var ring in before)
        {
            if (!plan.Monitored.Contains(ring))
            {
                changes.Add($"detached ring {ring.Name}");
            }
        }
        if (changes.Count == 0)
        {
            changes.Add(ReloadChanges.NoChanges);
        }
        foreach (var change in changes)
        {
            logit.Write("et", ReloadChanges.Prefix + change + "\n");
        }
        logit.Write("et", DoneLine);
        return parts;
    }

    private static MonitorParts Refuse(MonitorParts running)
    {
        running.Context.Logit.Write("et", RefusedLine(running.LoadedAt));
        return running;
    }

    /// <summary>A problem found while applying, in the form of the reading's problems, at the last line of <paramref name="command"/>.</summary>
    private static string Problem(StatmgrConfig config, string command, string text)
    {
        var lines = config.LinesOf(command);
        var at = lines.Count > 0 ? lines[^1] : new ConfigLocation(config.ConfigPath, 0);
        return new ConfigProblem(at, ConfigProblemSeverity.Error, text).ToCheckLine() + "\n";
    }

    /// <summary>
    /// The rings the new configuration reads: a RingName ring kept or newly attached; in single-ring
    /// mode that ring alone; in CheckAllRings mode startstop's list, each ring kept when already read
    /// (same name and key), else attached. Without an answer from startstop the rings read now stay.
    /// Null, with every ring this attached detached again, when one cannot be attached.
    /// </summary>
    private (ITransportRing PageRing, List<MonitoredRing> Monitored, bool MultiRing)? PlanRings(ReloadReading reading, StatmgrConfig config,
        MonitorContext context)
    {
        var fresh = new List<ITransportRing>();
        ITransportRing Attach(string name, long key)
        {
            var ring = context.AttachRing(name, key);
            fresh.Add(ring);
            return ring;
        }
        try
        {
            bool samePage = _rings.PageRing.Name == config.RingName && _rings.PageRing.Key == config.RingKey;
            var pageRing = samePage ? _rings.PageRing : Attach(config.RingName, config.RingKey);
            bool multiRing = config.CheckAllRings == 1 && (reading.StartstopRings is not null || _rings.MultiRing);
            var monitored = new List<MonitoredRing>();
            if (!multiRing)
            {
                monitored.Add(samePage && !_rings.MultiRing ? _rings.Monitored[0] : new MonitoredRing(pageRing, ""));
            }
            else if (reading.StartstopRings is { } listed)
            {
                foreach (var ring in listed)
                {
                    var kept = _rings.MultiRing ? _rings.Monitored.FirstOrDefault(m => m.Name == ring.Name && m.Ring.Key == ring.Key) : null;
                    monitored.Add(kept ?? new MonitoredRing(Attach(ring.Name, ring.Key), ring.Name));
                }
            }
            else
            {
                monitored.AddRange(_rings.Monitored);
            }
            return (pageRing, monitored, multiRing);
        }
        catch (TransportRingException ex)
        {
            foreach (var ring in fresh)
            {
                ring.Dispose();
            }
            context.Logit.Write("et", Problem(config, "RingName", $"statmgr: {ex.Message}"));
            return null;
        }
    }
}
