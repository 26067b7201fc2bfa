namespace Statmgr.Earthworm.Transport;

/// <summary>Which SHM_HEAD/TPORT_HEAD layout to speak: detected from the header, or forced.</summary>
public enum RingLayoutChoice
{
    Auto,
    Lp64,
    Ilp32,
}
