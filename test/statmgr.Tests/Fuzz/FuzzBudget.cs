namespace Statmgr.Tests.Fuzz;

/// <summary>
/// How many inputs each fuzz test runs: 20,000 in `make test`, or STATMGR_FUZZ_INPUTS
/// (`make fuzz` sets ten million). Seeds are fixed so a failure can be replayed.
/// </summary>
internal static class FuzzBudget
{
    public const int DefaultInputs = 20_000;

    public static int Inputs
    {
        get
        {
            var text = Environment.GetEnvironmentVariable("STATMGR_FUZZ_INPUTS");
            return int.TryParse(text, out var n) && n > 0 ? n : DefaultInputs;
        }
    }

    public static int Seed
    {
        get
        {
            var text = Environment.GetEnvironmentVariable("STATMGR_FUZZ_SEED");
            return int.TryParse(text, out var n) ? n : 20261125;
        }
    }
}
