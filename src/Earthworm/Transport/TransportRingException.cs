namespace Statmgr.Earthworm.Transport;

/// <summary>A ring could not be created, attached or destroyed; the message names ring and key.</summary>
public class TransportRingException : Exception
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
