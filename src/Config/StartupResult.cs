using Statmgr.Earthworm.Tables;

namespace Statmgr.Config;

/// <summary>
/// What startup produces, up to the own-descriptor check, for the monitor to carry on from attaching the ring.
/// </summary>
/// <param name="SystemName">SYS_NAME as the environment gives it (reports cut it to 29 characters through each descriptor).</param>
/// <param name="OwnDescriptorIndex">Index in <c>Config.Descriptors</c> of statmgr's own descriptor (C's <c>jem</c>); -1 only after a failed <c>--check</c>.</param>
internal sealed record StartupResult(
    StatmgrConfig Config,
    EarthwormTables Tables,
    StatusMessageTypes Types,
    byte LocalInstallation,
    string SystemName,
    int ProcessId,
    int OwnDescriptorIndex);
