using Statmgr.Config;
using Statmgr.Earthworm;
using Statmgr.Earthworm.Logging;
using Statmgr.Tests.Fixtures;

namespace Statmgr.Tests.Config;

/// <summary>
/// A temporary EW_PARAMS for configuration tests: the standard earthworm_global.d, earthworm.d and
/// earthworm_commonvars.d (EW_INST_ID = INST_MENLO), in a directory with a short name so that
/// absolute descriptor paths stay within C's 63 characters. Runs statmgr's startup in-process.
/// </summary>
internal sealed class ConfigFixture : TempDirectory
{
    public const string Installation = "INST_MENLO";
    public const string SystemName = "testhost";
    public const string Version = "2.0.14 - 2017-06-08";

    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    private ConfigFixture()
        : base("smc", inMemory: true)
    {
        _environment["EW_PARAMS"] = Directory;
        _environment["EW_INSTALLATION"] = Installation;
        _environment["SYS_NAME"] = SystemName;
    }

    public static ConfigFixture Create()
    {
        // tmpfs when the machine has one: the loader fuzzer rewrites these files millions of times.
        var fixture = new ConfigFixture();
        fixture.Write(EwParamsFixture.GlobalFileName, EwParamsFixture.StandardGlobal);
        fixture.Write(EwParamsFixture.LocalFileName, EwParamsFixture.StandardLocal);
        fixture.Write(EwParamsFixture.CommonVarsFileName, EwParamsFixture.StandardCommonVars);
        return fixture;
    }

    public void SetEnvironment(string name, string? value) => _environment[name] = value;

    public Func<string, string?> Environment => name => _environment.TryGetValue(name, out var value) ? value : null;

    /// <summary>A real start, up to the own-descriptor check: stops at the first error.</summary>
    public StartupOutcome Start(string configName, int processId = 4242)
    {
        var log = new CollectingLogit();
        var problems = new ConfigProblems(log, collectAll: false);
        var startup = new StatmgrStartup(log, Environment, problems, File.Exists, Version);
        var switches = new List<int>();
        try
        {
            var result = startup.Run(PathOf(configName), processId, switches.Add);
            return new StartupOutcome(result, problems.All, log, null, switches);
        }
        catch (EarthwormExitException ex)
        {
            return new StartupOutcome(null, problems.All, log, ex, switches);
        }
    }

    /// <summary>The same steps as <c>--check</c> runs them: every problem collected.</summary>
    public StartupOutcome Check(string configName)
    {
        var log = new CollectingLogit();
        var problems = new ConfigProblems(log, collectAll: true);
        var startup = new StatmgrStartup(log, Environment, problems, File.Exists, Version);
        var result = startup.Run(PathOf(configName), 4242);
        return new StartupOutcome(result, problems.All, log, null, []);
    }
}
