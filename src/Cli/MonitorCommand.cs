using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;
using Statmgr.Monitor;
using Statmgr.Notify;
using Statmgr.Notify.Mail;
using Statmgr.Silences;
using Statmgr.Status;
using Statmgr.Status.Http;

namespace Statmgr.Cli;

/// <summary>
/// Everything from attaching the ring on, with the real world around it: System V rings, the mail queue,
/// the stop signals and SIGHUP (a reload), the system clock. Returns the process exit status.
/// </summary>
internal static class MonitorCommand
{
    public static int Run(StartupResult startup, Logit log)
    {
        var time = TimeProvider.System;
        var config = startup.Config;
        // The one stop source, made before anything can take long: a signal from now on ends
        // the run with the shutdown report, even one that comes before the main loop exists.
        using var wait = new WakeableWait();
        var stop = new StopSource(wait, startup.ProcessId);
        // SIGHUP: the configuration is read again off the loop, as a start reads it, and applied between two passes.
        var reload = new ReloadRequest(config.ConfigPath, () => ReloadReading.Read(config.ConfigPath, Environment.GetEnvironmentVariable, File.Exists,
            startup.ProcessId, ProgramVersion.Text, (name, key) => SystemVRing.Attach(name, key, config.RingLayout), log), wait.Wake, log);
        using var signals = stop.RequestOnSignals(reload.Request);
        var mailer = Mailer.ForRun(config, log, time);
        using var pidFile = PidFile.Write(PidFile.PathFor(config.ConfigPath, Environment.GetEnvironmentVariable), startup.ProcessId, log);
        // The loop publishes on the board for its readers, the status file and the listener; with
        // neither (StatusFile 0, no StatusListen) there is no board and no snapshot is ever built.
        var statusPath = StatusFileLocation.Resolve(config, Environment.GetEnvironmentVariable);
        var board = statusPath is null && config.StatusListen is null ? null : new StatusBoard(time);
        using var statusFile = board is not null && statusPath is not null ? new StatusFileWriter(board, statusPath, log) : null;
        statusFile?.Start();
        // The status listener, only when StatusListen is set; a failed bind is logged and monitoring goes on.
        using var listener = board is not null && config.StatusListen is { } listenAt ? StatusListener.Start(listenAt, board, log) : null;
        // The silences file is watched on a thread of its own; the loop only takes what it read.
        using var silencesWatcher = SilencesFileLocation.Resolve(config, Environment.GetEnvironmentVariable) is { } silencesPath
            ? new SilencesWatcher(silencesPath, log)
            : null;
        silencesWatcher?.Start();
        try
        {
            var context = new MonitorContext
            {
                Config = config,
                OwnDescriptor = config.Descriptors[startup.OwnDescriptorIndex],
                LocalInstallation = startup.LocalInstallation,
                Types = startup.Types,
                SysName = startup.SystemName,
                ModuleName = startup.Tables.GetModIdName,
                Logit = log,
                Mail = mailer,
                ReloadMail = mailer.Reload,
                Time = time,
                Reload = reload,
                Silences = silencesWatcher is null ? null : new SilenceKeeper(silencesWatcher, log),
                AttachRing = (name, key) => SystemVRing.Attach(name, key, config.RingLayout),
                Stop = stop,
                Status = board,
                ProcessId = startup.ProcessId,
                LogLosses = () => log.Losses,
                // The log's consoles, which drop what nobody reads rather than wait for a reader.
                Out = log.Stdout.Writer,
                Error = log.Stderr.Writer,
            };
            return MonitorStartup.Start(context).Run();
        }
        finally
        {
            mailer.DrainAsync(MailRetryPolicy.ShutdownDrainLimit).GetAwaiter().GetResult();
            mailer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
