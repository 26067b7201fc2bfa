namespace Statmgr.EwSupervisor;

/// <summary>Everything the TYPE_STATUS text shows, gathered first so that the layout is a pure function.</summary>
internal sealed record StatusSnapshot
{
    public int PointerBits { get; init; } = 64;
    public required string HostName { get; init; }
    public required string OsName { get; init; }
    public required string OsRelease { get; init; }
    public required DateTimeOffset StartTime { get; init; }
    public required DateTimeOffset CurrentTime { get; init; }
    /// <summary>Free kilobytes of the working directory's file system; null leaves the line out, as startstop does.</summary>
    public long? DiskAvailKb { get; init; }
    public required IReadOnlyList<StatusRing> Rings { get; init; }
    public required string LogDir { get; init; }
    public required string ParamsDir { get; init; }
    /// <summary>Null leaves the line out (startstop prints it only when it found itself on PATH).</summary>
    public string? BinDir { get; init; }
    public required string Version { get; init; }
    public required string ParentName { get; init; }
    public required int ParentPid { get; init; }
    public required TimeSpan ParentCpuUsed { get; init; }
    /// <summary>The parent's first argument (startstop shows its config file), or null for "-".</summary>
    public string? ParentArgument { get; init; }
    public required IReadOnlyList<StatusChildRow> Children { get; init; }
}
