using Statmgr.Config;
using Statmgr.Earthworm.Transport;
using Statmgr.Monitor.Modules;
using Statmgr.Monitor.Rings;

namespace Statmgr.Monitor;

/// <summary>
/// Classifies one message as C does: the unknown-module gate first, then heartbeat, stop,
/// restart or error by type. An unknown module 0 only gets its stops and restarts through (B6).
/// </summary>
internal sealed class MessageDispatcher
{
    private readonly StatusMessageTypes _types;
    private readonly UnknownModuleGate _gate;
    private readonly HeartbeatHandler _heartbeats;
    private readonly ErrorHandler _errors;
    private readonly RestartTracker _restarts;

    public MessageDispatcher(StatusMessageTypes types, UnknownModuleGate gate, HeartbeatHandler heartbeats, ErrorHandler errors, RestartTracker restarts)
    {
        _types = types;
        _gate = gate;
        _heartbeats = heartbeats;
        _errors = errors;
        _restarts = restarts;
    }

    public void Handle(MonitoredRing ring, Logo logo, ReadOnlySpan<byte> body)
    {
        if (!_gate.TryAdmit(logo, out var module))
        {
            return;
        }
        if (logo.Type == _types.Heartbeat && module is not null)
        {
            _heartbeats.Handle(ring, logo, module, body);
        }
        if (logo.Type == _types.Stop)
        {
            _restarts.OnStop(body);
        }
        if (logo.Type == _types.Restart)
        {
            _restarts.OnRestart(body);
        }
        if (logo.Type == _types.Error && module is not null)
        {
            _errors.Handle(logo, module, body);
        }
    }
}
