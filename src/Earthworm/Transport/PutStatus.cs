namespace Statmgr.Earthworm.Transport;

/// <summary>The tport_putmsg return codes.</summary>
public enum PutStatus
{
    Ok = 1,
    NoTrack = -1,
    TooBig = -2,
}
