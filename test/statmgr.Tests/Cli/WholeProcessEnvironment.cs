using Statmgr.Tests.Config;

namespace Statmgr.Tests.Cli;

/// <summary>The environment an operator's shell gives statmgr in the whole-process tests.</summary>
internal static class WholeProcessEnvironment
{
    public static Dictionary<string, string?> For(ConfigFixture fixture) => new()
    {
        ["EW_PARAMS"] = fixture.Directory,
        ["EW_INSTALLATION"] = "INST_MENLO",
        ["SYS_NAME"] = "samplehost",
    };
}
