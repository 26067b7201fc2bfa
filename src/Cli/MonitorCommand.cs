using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;
using Statmgr.Monitor;
using Statmgr.Notify;
using Statmgr.Notify.Mail;

namespace Statmgr.Cli;

/// <summary>
/// Everything from attaching the ring on, with the real world around it: System V rings, the mail queue,
/// SIGTERM/SIGINT, the system clock. Returns the process exit status.
/// </summary>
public static class MonitorCommand
{
    /// <summary>How long queued mail may still go out at shutdown, so a dead relay cannot hold up the stop.</summary>
    private static readonly TimeSpan MailDrainLimit = TimeSpan.FromSeconds(10);

    public static int Run(StartupResult startup, ILogit log)
    {
        var time = TimeProvider.System;
        var config = startup.Config;
        using var waiter = new IdleWaiter();
        using var signals = new StopSignals(waiter);
        var transport = MailTransportFactory.Create(MailSettings.FromConfig(config), log, time);
        var mailQueue = transport is null ? null : new MailQueue(transport, log, time);
        try
        {
            var context = new MonitorContext
            {
                Config = config,
                OwnDescriptor = config.Descriptors[startup.OwnDescriptorIndex],
                LocalInstallation = startup.LocalInstallation,
                Types = startup.Types,
                SysName = startup.SystemName,
                OwnPid = startup.ProcessId,
                ModuleName = startup.Tables.GetModIdName,
                Logit = log,
                Mail = (IMailSink?)mailQueue ?? DiscardMailSink.Instance,
                Time = time,
                AttachRing = (name, key) => SystemVRing.Attach(name, key, config.RingLayout),
                Waiter = waiter,
                StopRequested = () => signals.Received,
            };
            var manager = MonitorStartup.Start(context);
            signals.Attach(manager.Shutdown);
            return manager.Run();
        }
        finally
        {
            if (mailQueue is not null)
            {
                mailQueue.DrainAsync(MailDrainLimit).GetAwaiter().GetResult();
                mailQueue.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }
}
