namespace Statmgr.Tests.Fixtures;

/// <summary>
/// A temporary EW_PARAMS directory for tests, deleted on Dispose. <see cref="Create"/> writes a
/// small standard earthworm_global.d and earthworm.d (modelled on Earthworm's, with the names
/// statmgr needs); <see cref="CreateEmpty"/> writes nothing.
/// </summary>
public sealed class EwParamsFixture : TempDirectory
{
    /// <summary>earthworm_global.d: installations and global message types.</summary>
    public const string StandardGlobal =
        "#  earthworm_global.d for tests: installation ids and global message types\n"
        + "\n"
        + " Installation   INST_WILDCARD      0   # Sacred wildcard value - DO NOT CHANGE!!!\n"
        + " Installation   INST_MENLO         2   # a test installation\n"
        + " Installation   INST_UNKNOWN     255   # Not a valid installation\n"
        + "\n"
        + " Message  TYPE_WILDCARD          0   # wildcard value - DO NOT CHANGE!!!\n"
        + " Message  TYPE_ERROR             2   # error message from a module\n"
        + " Message  TYPE_HEARTBEAT         3   # heartbeat message from a module\n"
        + " Message  TYPE_TRACEBUF2        19   # multiplexed waveforms\n";

    /// <summary>earthworm.d: rings, modules and local message types.</summary>
    public const string StandardLocal =
        "#  earthworm.d for tests: rings, module ids, local message types\n"
        + "\n"
        + " Ring   WAVE_RING        1000    # public waveform data\n"
        + " Ring   STATUS_RING      1050    # heartbeats, errors, pages\n"
        + " Ring   FLAG_RING        2000    # startstop's private flag ring\n"
        + "\n"
        + " Module   MOD_WILDCARD          0   # Sacred wildcard value - DO NOT CHANGE!!!\n"
        + " Module   MOD_STARTSTOP         1\n"
        + " Module   MOD_STATMGR           2\n"
        + " Module   MOD_PICK_EW           3\n"
        + " Module   MOD_TANKPLAYER        4\n"
        + " Module   MOD_WAVESERVERV       5\n"
        + " Module   MOD_STATUS            6\n"
        + " Module   MOD_RESTART           7\n"
        + "\n"
        + " Message  TYPE_PAGE           104   # pager request to statmgr\n"
        + " Message  TYPE_RESTART        107   # restart request for startstop\n"
        + " Message  TYPE_REQSTATUS      108   # status request for startstop\n"
        + " Message  TYPE_STATUS         109   # startstop's status answer\n"
        + " Message  TYPE_STOP           113   # a module was stopped on purpose\n";

    /// <summary>earthworm_commonvars.d as Earthworm ships it, with this fixture's installation.</summary>
    public const string StandardCommonVars =
        "#  earthworm_commonvars.d for tests\n"
        + "SetEnvVariable EW_INST_ID INST_MENLO\n";

    public const string GlobalFileName = "earthworm_global.d";
    public const string LocalFileName = "earthworm.d";
    public const string CommonVarsFileName = "earthworm_commonvars.d";

    private EwParamsFixture()
        : base("statmgr-tests-")
    {
    }

    /// <summary>A directory holding the standard earthworm_global.d and earthworm.d.</summary>
    public static EwParamsFixture Create()
    {
        var fixture = CreateEmpty();
        fixture.Write(GlobalFileName, StandardGlobal);
        fixture.Write(LocalFileName, StandardLocal);
        return fixture;
    }

    /// <summary>A fresh empty temporary directory.</summary>
    public static EwParamsFixture CreateEmpty() => new();

    /// <summary>Writes earthworm_commonvars.d (by default the standard one); returns the full path.</summary>
    public string WriteCommonVars(string text = StandardCommonVars) => Write(CommonVarsFileName, text);

    /// <summary>
    /// An environment lookup for code under test: EW_PARAMS is this directory, plus the given
    /// variables; everything else is unset.
    /// </summary>
    public Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal) { ["EW_PARAMS"] = Directory };
        foreach (var (name, value) in variables)
        {
            map[name] = value;
        }

        return name => map.TryGetValue(name, out string? value) ? value : null;
    }
}
