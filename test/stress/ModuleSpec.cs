namespace Statmgr.Stress;

/// <summary>One simulated module: its descriptor's name and id, heartbeat tsec and error rules ("err: N nerr: N tsec: N").</summary>
internal sealed record ModuleSpec(string Name, byte Id, int Tsec, IReadOnlyList<(short Number, int Nerr, int Tsec)> Errors)
{
    public ModuleSpec(string name, byte id, int tsec)
        : this(name, id, tsec, [])
    {
    }

    /// <summary>The name in earthworm.d: MOD_ and the upper-case name.</summary>
    public string IdName => "MOD_" + Name.ToUpperInvariant();
}
