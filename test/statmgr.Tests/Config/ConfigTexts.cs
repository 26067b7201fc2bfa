namespace Statmgr.Tests.Config;

/// <summary>Configuration files for tests, modelled on Earthworm's stock statmgr.d and descriptors.</summary>
internal static class ConfigTexts
{
    /// <summary>
    /// A statmgr.d with every required command and one Descriptor line (line 7); extra lines
    /// follow from line 8 on.
    /// </summary>
    public static string Minimal(ConfigFixture fixture, params string[] extraLines) =>
        "MyModuleId      MOD_STATMGR\n"
        + "RingName        STATUS_RING\n"
        + "GetStatusFrom   ${EW_INST_ID}   MOD_WILDCARD   # heartbeats & errors\n"
        + "LogFile         1\n"
        + "heartbeatPageit 60\n"
        + "pagegroup       earthworm-ops\n"
        + $"Descriptor      {fixture.PathOf("statmgr.desc")}\n"
        + string.Concat(extraLines.Select(line => line + "\n"));

    /// <summary>statmgr's own descriptor, as Earthworm ships it (errors 0-6).</summary>
    public const string StatmgrDesc =
        "#\n"
        + "#  Descriptor File for the Status Manager Program\n"
        + "#\n"
        + "modName  statmgr\n"
        + "modId    MOD_STATMGR\n"
        + "instId   ${EW_INST_ID}\n"
        + "#\n"
        + "tsec: 0  page: 0  mail: 0\n"
        + "#\n"
        + "err: 0  nerr: 1  tsec: 0  page: 1  mail: 1\n"
        + "text: \"Program starting.\"\n"
        + "#\n"
        + "err: 1  nerr: 1  tsec: 0  page: 1  mail: 1\n"
        + "text: \"Program stopping.\"\n"
        + "#\n"
        + "err: 2  nerr: 1  tsec: 0  page: 0  mail: 0\n"
        + "text: \"Invalid module_id or instid received.\"\n"
        + "#\n"
        + "err: 3  nerr: 1  tsec: 0  page: 0  mail: 0\n"
        + "text: \"Error decoding ascii heartbeat or error.\"\n"
        + "#\n"
        + "err: 4  nerr: 1  tsec: 0  page: 0  mail: 5\n"
        + "text: \"Missed msg(s).\"\n"
        + "#\n"
        + "err: 5  nerr: 1  tsec: 0  page: 0  mail: 5\n"
        + "text: \"Msg too long for target.\"\n"
        + "#\n"
        + "err: 6  nerr: 1  tsec: 0  page: 0  mail: 5\n"
        + "text: \"Transport tracking limit exceeded.\"\n";

    /// <summary>startstop's descriptor, as Earthworm ships it.</summary>
    public const string StartstopDesc =
        "#\n"
        + "#  Descriptor File for the StartStop Program\n"
        + "#\n"
        + "modName  startstop\n"
        + "modId    MOD_STARTSTOP\n"
        + "instId   ${EW_INST_ID}\n"
        + "#\n"
        + "tsec: 60  page: 0  mail: 99\n"
        + "#\n"
        + "err: 1  nerr: 1  tsec: 0  page: 10  mail: 10\n"
        + "text: \"Failed to start child process\"\n";

    /// <summary>A module descriptor whose lines 1-3 name it; further lines follow from line 4.</summary>
    public static string Module(string modName, string modId, params string[] lines) =>
        $"modName  {modName}\n"
        + $"modId    {modId}\n"
        + "instId   ${EW_INST_ID}\n"
        + string.Concat(lines.Select(line => line + "\n"));

    /// <summary>The statmgr.d of <see cref="Minimal"/> with statmgr.desc written next to it.</summary>
    public static void WriteMinimal(ConfigFixture fixture, params string[] extraLines)
    {
        fixture.Write("statmgr.desc", StatmgrDesc);
        fixture.Write("statmgr.d", Minimal(fixture, extraLines));
    }
}
