namespace Statmgr.Earthworm.Transport;

/// <summary>The tport_getmsg/tport_copyfrom return codes.</summary>
public enum GetStatus
{
    Ok = 1,
    None = 0,
    Miss = -1,
    NoTrack = -2,
    TooBig = -3,
    MissLapped = -4,
    MissSeqGap = -5,
}
