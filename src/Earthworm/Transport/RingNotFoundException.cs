namespace Statmgr.Earthworm.Transport;

/// <summary>Attach found no ring with the key: startstop has not created it (or has removed it).</summary>
public sealed class RingNotFoundException : TransportRingException
{
    public RingNotFoundException(string ringName, long ringKey)
        : base(ringName, ringKey,
            $"transport ring {ringName} (key {ringKey}) does not exist; startstop normally creates it from its Ring lines")
    {
    }
}
