using Statmgr.Earthworm.Logging;
using Statmgr.Earthworm.Transport;
using Statmgr.Monitor.Messages;
using Statmgr.Monitor.Rings;
using Statmgr.Notify;

namespace Statmgr.Monitor.Modules;

/// <summary>
/// The restart state machine: a <c>restartMe</c> module is armed by a heartbeat that carries its
/// pid (B5 fixed; see <see cref="ModuleHealth.OnHeartbeat"/>), stopped by TYPE_STOP, re-armed by
/// TYPE_RESTART; a dead armed module gets one TYPE_RESTART request <c>&lt;pid&gt;\n</c> for startstop.
/// </summary>
internal sealed class RestartTracker
{
    private readonly ModuleTable _modules;
    private readonly Logo _restartLogo;
    private readonly RingOutbox _outbox;
    private readonly ILogit _logit;
    private readonly TimeProvider _time;

    /// <param name="time">statmgr's clock: when a module was stopped, watched again or asked to restart, for a status view.</param>
    public RestartTracker(ModuleTable modules, Logo restartLogo, RingOutbox outbox, ILogit logit, TimeProvider time)
    {
        _modules = modules;
        _restartLogo = restartLogo;
        _outbox = outbox;
        _logit = logit;
        _time = time;
    }

    /// <summary>TYPE_STOP: an armed module with that pid is marked as stopped on purpose.</summary>
    public void OnStop(ReadOnlySpan<byte> body)
    {
        var module = FindByPid(body);
        if (module is { Restart: RestartState.RestartMe })
        {
            module.Restart = RestartState.Stopped;
            module.MarkChanged(EpochClock.Now(_time));
            _logit.Write("t", $"TYPE_STOP message received for {module.Descriptor.ModName} with pid {module.Pid}; module marked as stopped\n");
        }
    }

    /// <summary>TYPE_RESTART: a stopped module with that pid is watched for restarts again.</summary>
    public void OnRestart(ReadOnlySpan<byte> body)
    {
        var module = FindByPid(body);
        if (module is { Restart: RestartState.Stopped })
        {
            module.Restart = RestartState.RestartMe;
            module.MarkChanged(EpochClock.Now(_time));
            _logit.Write("t", $"TYPE_RESTART message received for {module.Descriptor.ModName}, module to be monitored for restarts\n");
        }
    }

    /// <summary>
    /// Asks startstop to restart a dead module, on the ring that carried its last heartbeat
    /// (queued there while that ring is stuck).
    /// </summary>
    public void RequestRestart(ModuleHealth module, MonitoredRing fallback)
    {
        var ring = (module.HeartbeatRing ?? fallback).Ring;
        _outbox.Put(ring, new OutgoingMessage(_restartLogo, MessageText.Encode(module.Pid + "\n"),
            $"restart request for {module.Descriptor.ModName} pid {module.Pid}", "et", "Error sending restart message to transport region.\n"));
        _logit.Write("et", $"Statmgr: sent restart request for {module.Descriptor.ModName} pid {module.Pid}\n");
        module.CountRestartRequest(EpochClock.Now(_time));
    }

    /// <summary>
    /// C compares <c>atoi</c> of the body with <c>atoi</c> of each module's pid (empty gives 0) and
    /// stops at the first equal one, whatever its state.
    /// </summary>
    private ModuleHealth? FindByPid(ReadOnlySpan<byte> body)
    {
        long pid = MessageText.Atoi(MessageText.AsCString(body));
        foreach (var module in _modules.Modules)
        {
            if (MessageText.Atoi(module.Pid) == pid)
            {
                return module;
            }
        }
        return null;
    }
}
