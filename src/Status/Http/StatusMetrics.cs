using System.Globalization;
using Prometheus;

namespace Statmgr.Status.Http;

/// <summary>
/// /metrics in Prometheus's text format, written by prometheus-net from a registry of statmgr's
/// own (the library's process and .NET runtime metrics beside it). The values are copied from the
/// latest snapshot just before each collection, so a scrape costs the main loop nothing. Module
/// metrics are labelled with the module's name and system, ring metrics with the ring's name.
/// </summary>
internal sealed class StatusMetrics
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private static readonly string[] ModuleLabels = ["module", "system"];

    private readonly StatusBoard _board;
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();

    private readonly Gauge _moduleUp;
    private readonly Gauge _moduleState;
    private readonly Gauge _heartbeatAge;
    private readonly Gauge _heartbeatTimeout;
    private readonly Counter _restartsRequested;
    private readonly Counter _reports;
    private readonly Counter _pages;
    private readonly Gauge _pageLimit;
    private readonly Counter _mails;
    private readonly Gauge _mailLimit;
    private readonly Counter _ringRead;
    private readonly Counter _ringMissed;
    private readonly Counter _ringLapGuardWaits;
    private readonly Counter _mailsSent;
    private readonly Counter _mailsFailed;
    private readonly Gauge _mailsQueued;
    private readonly Gauge _mailsRetrying;
    private readonly Gauge _loopPassAge;

    public StatusMetrics(StatusBoard board)
    {
        _board = board;
        DotNetStats.Register(_registry);
        var factory = Metrics.WithCustomRegistry(_registry);
        string[] reportLabels = [.. ModuleLabels, "report"];
        string[] ringLabels = ["ring"];

        _moduleUp = factory.CreateGauge("statmgr_module_up",
            "1 while the module is alive (or its heartbeat is not watched, tsec 0); 0 while it is dead, waiting for a requested restart, or stopped.",
            ModuleLabels);
        _moduleState = factory.CreateGauge("statmgr_module_state",
            "1 for the module's state (dead, restart_requested, stopped, alive, not_monitored), 0 for the others.",
            [.. ModuleLabels, "state"]);
        _heartbeatAge = factory.CreateGauge("statmgr_module_heartbeat_age_seconds",
            "How old the module's last heartbeat was by statmgr's clock when the latest snapshot was taken.",
            ModuleLabels);
        _heartbeatTimeout = factory.CreateGauge("statmgr_module_heartbeat_timeout_seconds",
            "The module's heartbeat deadline (tsec): dead after this long without a heartbeat; 0 means not watched.",
            ModuleLabels);
        _restartsRequested = factory.CreateCounter("statmgr_module_restarts_requested_total",
            "Restarts of the module statmgr asked startstop for since statmgr started.",
            ModuleLabels);
        _reports = factory.CreateCounter("statmgr_module_reports_total",
            "Reports about the module by report (heartbeat, or the err: number) and kind: sent, or suppressed when a page or mail cap held its page or mail back.",
            [.. reportLabels, "kind"]);
        _pages = factory.CreateCounter("statmgr_module_pages_total",
            "Pages sent for the module's reports, by report (heartbeat, or the err: number).",
            reportLabels);
        _pageLimit = factory.CreateGauge("statmgr_module_page_limit",
            "The report's page: cap, the most pages it may send (negative: no limit).",
            reportLabels);
        _mails = factory.CreateCounter("statmgr_module_mails_total",
            "Mails queued for the module's reports, by report (heartbeat, or the err: number).",
            reportLabels);
        _mailLimit = factory.CreateGauge("statmgr_module_mail_limit",
            "The report's mail: cap, the most mails it may send (negative: no limit).",
            reportLabels);
        _ringRead = factory.CreateCounter("statmgr_ring_messages_read_total",
            "Messages statmgr read from the ring.", ringLabels);
        _ringMissed = factory.CreateCounter("statmgr_ring_messages_missed_total",
            "Times the ring said messages were lost before the one statmgr read (a gap or a lap counts once, however many were lost).", ringLabels);
        _ringLapGuardWaits = factory.CreateCounter("statmgr_ring_lap_guard_waits_total",
            "Idle waits cut short so that writers could not lap statmgr's reading position.", ringLabels);
        _mailsSent = factory.CreateCounter("statmgr_mails_sent_total",
            "Mails delivered since statmgr started.");
        _mailsFailed = factory.CreateCounter("statmgr_mails_failed_total",
            "Mails given up or lost since statmgr started.");
        _mailsQueued = factory.CreateGauge("statmgr_mails_queued",
            "Mails waiting in statmgr's queue now.");
        _mailsRetrying = factory.CreateGauge("statmgr_mails_retrying",
            "Mails waiting for a retry now.");
        _loopPassAge = factory.CreateGauge("statmgr_loop_pass_age_seconds",
            "How long ago statmgr's main loop last went round, at the time of the scrape (under a second while it is healthy).");

        _registry.AddBeforeCollectCallback(Update);
    }

    /// <summary>Collects every metric and writes them in the text format.</summary>
    public async Task<byte[]> ExportAsync(CancellationToken cancel)
    {
        using var text = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(text, ExpositionFormat.PrometheusText, cancel).ConfigureAwait(false);
        return text.ToArray();
    }

    private void Update()
    {
        _loopPassAge.Set(_board.SinceLastPass.TotalSeconds);
        if (_board.Latest is not { } snapshot)
        {
            return;
        }
        foreach (var module in snapshot.Modules)
        {
            UpdateModule(module);
        }
        foreach (var ring in snapshot.Rings)
        {
            _ringRead.WithLabels(ring.Name).IncTo(ring.MessagesRead);
            _ringMissed.WithLabels(ring.Name).IncTo(ring.MessagesMissed);
            _ringLapGuardWaits.WithLabels(ring.Name).IncTo(ring.LapGuardWaits);
        }
        _mailsSent.IncTo(snapshot.Mail.Sent);
        _mailsFailed.IncTo(snapshot.Mail.Failed);
        _mailsQueued.Set(snapshot.Mail.Queued);
        _mailsRetrying.Set(snapshot.Mail.Retrying);
    }

    private void UpdateModule(ModuleStatus module)
    {
        var up = module.State is not (ModuleState.Dead or ModuleState.RestartRequested or ModuleState.Stopped);
        _moduleUp.WithLabels(module.Name, module.System).Set(up ? 1 : 0);
        foreach (var state in ModuleStateWords.All)
        {
            _moduleState.WithLabels(module.Name, module.System, ModuleStateWords.Of(state)).Set(state == module.State ? 1 : 0);
        }
        _heartbeatAge.WithLabels(module.Name, module.System).Set(module.HeartbeatAgeSeconds);
        _heartbeatTimeout.WithLabels(module.Name, module.System).Set(module.Tsec);
        _restartsRequested.WithLabels(module.Name, module.System).IncTo(module.RestartsRequested);
        UpdateReport(module, "heartbeat", module.Heartbeat);
        foreach (var error in module.Errors)
        {
            UpdateReport(module, error.Number.ToString(CultureInfo.InvariantCulture), error.Reports);
        }
    }

    private void UpdateReport(ModuleStatus module, string report, ReportStatus counts)
    {
        _reports.WithLabels(module.Name, module.System, report, "sent").IncTo(counts.Sent);
        _reports.WithLabels(module.Name, module.System, report, "suppressed").IncTo(counts.Suppressed);
        _pages.WithLabels(module.Name, module.System, report).IncTo(counts.Pages);
        _pageLimit.WithLabels(module.Name, module.System, report).Set(counts.PageLimit);
        _mails.WithLabels(module.Name, module.System, report).IncTo(counts.Mails);
        _mailLimit.WithLabels(module.Name, module.System, report).Set(counts.MailLimit);
    }
}
