using System.Diagnostics;
using System.Globalization;
using System.Text;
using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;
using Statmgr.Monitor;
using Statmgr.Monitor.Modules;
using Statmgr.Monitor.Rings;
using Statmgr.Notify;
using Statmgr.Notify.Mail;
using Statmgr.TestSupport;

namespace Statmgr.Stress;

/// <summary>
/// How fast statmgr's own code takes TYPE_ERROR messages: parsed and counted by the message
/// dispatcher (the figure C's 3.8 million a second is), and also taken from a full 64 MB ring
/// by the drain that the main loop runs. A rule's nerr is a million, so that reports (log
/// writes) are rare and the rate is the parsing and counting.
/// </summary>
internal static class ErrorParseBench
{
    private const byte ModTank = 4;
    private static readonly StatusMessageTypes Types = new(Heartbeat: 3, Error: 2, Page: 104, Restart: 107, Status: 109, Stop: 113, ReqStatus: 108);

    /// <summary>Both rates, on a ring with this key (removed afterwards).</summary>
    public static (double Dispatched, double FromRing) Run(long key)
    {
        try
        {
            using var ring = SystemVRing.Create("ERROR_RING", key, 64L << 20);
            return (Dispatch(ring), FromRing(ring, key));
        }
        finally
        {
            SystemVRing.Destroy(key);
        }
    }

    /// <summary>Messages a second through MessageDispatcher.Handle, best of three one-second runs.</summary>
    private static double Dispatch(TransportRing pageRing)
    {
        var (dispatcher, ring) = Build(pageRing);
        var logo = new Logo(SiteNumbers.Inst, ModTank, Types.Error);
        var bodies = Bodies();
        var best = 0.0;
        for (var run = 0; run < 3; run++)
        {
            long handled = 0;
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 1000)
            {
                for (var i = 0; i < 100_000; i++)
                {
                    dispatcher.Handle(ring, logo, bodies[i & 15]);
                }
                handled += 100_000;
            }
            best = Math.Max(best, handled / clock.Elapsed.TotalSeconds);
        }
        return best;
    }

    /// <summary>Messages a second drained from a 64 MB ring full of errors (getmsg, parse, count), best of three.</summary>
    private static double FromRing(TransportRing writer, long key)
    {
        var logo = new Logo(SiteNumbers.Inst, ModTank, Types.Error);
        var bodies = Bodies();
        // Bodies differ in length by a few bytes: fill to a little under the ring's size, so nothing is evicted.
        var perRecord = (ulong)(bodies.Max(b => b.Length) + writer.Layout.TportHeadSize);
        var count = (int)(writer.KeyMax / perRecord);
        for (var i = 0; i < count; i++)
        {
            writer.Put(logo, bodies[i & 15]);
        }
        var best = 0.0;
        for (var run = 0; run < 3; run++)
        {
            // A fresh attachment each run, so every message in the ring is new to the reader.
            using var reader = SystemVRing.Attach("ERROR_RING", key);
            var drainer = BuildDrainer(reader);
            var clock = Stopwatch.StartNew();
            while (!drainer.Drain().Finished)
            {
            }
            best = Math.Max(best, count / clock.Elapsed.TotalSeconds);
        }
        return best;
    }

    /// <summary>Sixteen error messages as senders write them; error 9 is not in the descriptor (parsed, then ignored as in C).</summary>
    private static byte[][] Bodies()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Enumerable.Range(0, 16).Select(i => Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{now + i} {(i % 3 == 0 ? 9 : 7 + i % 2)} station S{i:D2} channel BHZ: {i * 37 % 100} gaps\n"))).ToArray();
    }

    private static RingDrainer BuildDrainer(TransportRing ring)
    {
        var (dispatcher, monitored) = Build(ring);
        var logit = new CountingLogit();
        var rings = new RingSet(ring, [monitored], false, (_, _) => throw new InvalidOperationException("no re-attach in the bench"), logit);
        var own = Own(out _);
        var transport = new TransportProblemReporter(own, new WaitPlanner(), false, logit, TimeProvider.System);
        Logo[] wanted = [new Logo(SiteNumbers.Inst, 0, Types.Heartbeat), new Logo(SiteNumbers.Inst, 0, Types.Error)];
        var stop = new StopSource(new WakeableWait(), Environment.ProcessId);
        return new RingDrainer(rings, wanted, dispatcher, transport, stop, logit, false, TimeProvider.System);
    }

    private static (MessageDispatcher Dispatcher, MonitoredRing Ring) Build(TransportRing pageRing)
    {
        var own = Own(out var modules);
        var logit = new CountingLogit();
        var reports = Reports(pageRing, logit);
        var time = TimeProvider.System;
        var dispatcher = new MessageDispatcher(Types,
            new UnknownModuleGate(modules, own, false, time),
            new HeartbeatHandler(reports, own, logit, 0, _ => null, time,
                new HeartbeatClock(HeartbeatClockMode.Sender, time), new HeartbeatSkewWatch(0, logit, time)),
            new ErrorHandler(reports, own, time),
            new RestartTracker(modules, new Logo(SiteNumbers.Inst, SiteNumbers.ModStatmgr, Types.Restart), new RingOutbox(logit), logit, TimeProvider.System));
        return (dispatcher, new MonitoredRing(pageRing, ""));
    }

    private static ReportDispatcher Reports(TransportRing? pageRing, ILogit logit) =>
        new(logit, new Pager(() => pageRing ?? throw new InvalidOperationException("no pages in the bench"), new Logo(SiteNumbers.Inst, SiteNumbers.ModStatmgr, Types.Page), 250, new RingOutbox(logit), logit),
            DiscardMailSink.Instance, new DocumentedRouting([]), ["ops"]);

    private static OwnErrorReporter Own(out ModuleTable modules)
    {
        var statmgr = new Descriptor { ModName = "statmgr", ModIdName = "MOD_STATMGR", ModId = SiteNumbers.ModStatmgr, InstId = SiteNumbers.Inst, SysName = StressSite.SysName };
        var tank = new Descriptor { ModName = "tankplayer", ModIdName = "MOD_TANKPLAYER", ModId = ModTank, InstId = SiteNumbers.Inst, SysName = StressSite.SysName };
        tank.Errors.Add(new ErrorRule(7, 1_000_000, 0, 0, 0, "Station gaps."));
        tank.Errors.Add(new ErrorRule(8, 1_000_000, 10, 0, 0, "Channel gaps."));
        modules = new ModuleTable([statmgr, tank]);
        modules.Reset(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return new OwnErrorReporter(modules.Find(SiteNumbers.ModStatmgr, SiteNumbers.Inst)!, Reports(null, new CountingLogit()));
    }

    /// <summary>A log that only counts lines: the rare report must not be the thing measured.</summary>
    private sealed class CountingLogit : ILogit
    {
        public long Lines { get; private set; }

        public void Write(string flags, string text) => Lines++;
    }
}
