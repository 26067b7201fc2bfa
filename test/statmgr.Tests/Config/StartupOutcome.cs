using Statmgr.Config;
using Statmgr.Earthworm;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests.Config;

/// <summary>What one in-process startup produced.</summary>
internal sealed record StartupOutcome(
    StartupResult? Result,
    IReadOnlyList<ConfigProblem> Problems,
    CollectingLogit Log,
    EarthwormExitException? Exit,
    IReadOnlyList<int> LogFileSwitches)
{
    public StatmgrConfig Config => Result!.Config;

    /// <summary>The problems in --check form.</summary>
    public IReadOnlyList<string> CheckLines => Problems.Select(p => p.ToCheckLine()).ToList();

    /// <summary>Log entries written with the given flags.</summary>
    public IReadOnlyList<string> Logged(string flags) =>
        Log.Entries.Where(e => e.Flags == flags).Select(e => e.Text).ToList();
}
