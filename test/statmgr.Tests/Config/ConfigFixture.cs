using System.Text;
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
internal sealed class ConfigFixture : IDisposable
{
    public const string Installation = "INST_MENLO";
    public const string SystemName = "testhost";
    public const string Version = "2.0.14 - 2017-06-08";

    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    private ConfigFixture(string directory)
    {
        Directory = directory;
        _environment["EW_PARAMS"] = directory;
        _environment["EW_INSTALLATION"] = Installation;
        _environment["SYS_NAME"] = SystemName;
    }

    public string Directory { get; }

    public static ConfigFixture Create()
    {
        // tmpfs when the machine has one: the loader fuzzer rewrites these files millions of times.
        var root = System.IO.Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var directory = Path.Combine(root, "smc" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var fixture = new ConfigFixture(directory);
        fixture.Write(EwParamsFixture.GlobalFileName, EwParamsFixture.StandardGlobal);
        fixture.Write(EwParamsFixture.LocalFileName, EwParamsFixture.StandardLocal);
        fixture.Write(EwParamsFixture.CommonVarsFileName, EwParamsFixture.StandardCommonVars);
        return fixture;
    }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Writes <paramref name="text"/> as ISO-8859-1 bytes; returns the full path.</summary>
    public string Write(string name, string text)
    {
        var path = PathOf(name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(text));
        return path;
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

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
