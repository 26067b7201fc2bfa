using Statmgr.Tests.Config;

namespace Statmgr.Tests.Cli;

/// <summary>
/// statmgr run as its own process in a fresh EW_PARAMS (its working directory, as under startstop,
/// so that bare file names resolve as they do on a real Earthworm system), with the environment an
/// operator's shell gives it.
/// </summary>
public abstract class WholeProcessTestBase : ConfigFixtureTests
{
    /// <summary>The operator's environment for this test; a test may add to it (EW_LOG) before it runs statmgr.</summary>
    protected Dictionary<string, string?> ShellEnvironment { get; private set; } = null!;

    [SetUp]
    public void SetShellEnvironment() => ShellEnvironment = new()
    {
        ["EW_PARAMS"] = Fixture.Directory,
        ["EW_INSTALLATION"] = "INST_MENLO",
        ["SYS_NAME"] = "samplehost",
    };

    private protected ProcessOutcome RunStatmgr(params string[] args) => StatmgrProcess.Run(Fixture.Directory, ShellEnvironment, args);
}
