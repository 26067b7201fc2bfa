namespace Statmgr.Earthworm.Transport;

/// <summary>A ring could not be created, attached or destroyed; the message names ring and key.</summary>
internal class TransportRingException : Exception
{
    public TransportRingException(string ringName, long ringKey, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        RingName = ringName;
        RingKey = ringKey;
    }

    public string RingName { get; }

    public long RingKey { get; }
}

/// <summary>Attach found no ring with the key: startstop has not created it (or has removed it).</summary>
internal sealed class RingNotFoundException : TransportRingException
{
    public RingNotFoundException(string ringName, long ringKey)
        : base(ringName, ringKey,
            $"transport ring {ringName} (key {ringKey}) does not exist; startstop normally creates it from its Ring lines")
    {
    }
}
