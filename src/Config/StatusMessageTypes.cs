namespace Statmgr.Config;

/// <summary>The seven message types statmgr needs, as numbered in earthworm.d / earthworm_global.d.</summary>
internal sealed record StatusMessageTypes(
    byte Heartbeat,
    byte Error,
    byte Page,
    byte Restart,
    byte Status,
    byte Stop,
    byte ReqStatus);
