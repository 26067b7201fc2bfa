namespace Statmgr.Earthworm.Transport;

/// <summary>The SHM_HEAD fields as read at one moment (each field read separately, without a lock).</summary>
public readonly record struct RingHeaderSnapshot(long NBytes, ulong KeyMax, ulong KeyIn, ulong KeyOld, int Flag);
