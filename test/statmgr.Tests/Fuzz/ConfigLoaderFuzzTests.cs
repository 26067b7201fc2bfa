using Statmgr.Earthworm;
using Statmgr.Earthworm.Logging;
using Statmgr.Tests.Config;

namespace Statmgr.Tests.Fuzz;

/// <summary>
/// Mutated statmgr.d and .desc files (huge lines, binary bytes, deep @ nesting, include cycles)
/// through the whole startup load, both as a real start and as --check. The only acceptable ways
/// out are a loaded configuration or C's fatal exit; anything else is a crash.
/// </summary>
[Category(TestCategory.Fuzz)]
public class ConfigLoaderFuzzTests
{
    private ConfigFixture _fixture = null!;

    [SetUp]
    public void CreateFixture() => _fixture = ConfigFixture.Create();

    [TearDown]
    public void RemoveFixture() => _fixture.Dispose();

    [Test]
    public void MutatedConfigurationsLoadOrFailWithCsExitOnly()
    {
        var random = new Random(FuzzBudget.Seed + 2);
        var mutator = new TextMutator(random);
        var statmgrD = ConfigTexts.Minimal(
            _fixture,
            $"Descriptor      {_fixture.PathOf("pick_ew.desc")}",
            "mail ops@example.org",
            $"@{_fixture.PathOf("more.d")}");
        var pickDesc = ConfigTexts.Module(
            "pick_ew",
            "MOD_PICK_EW",
            "tsec: 30 page: 2 mail: 5",
            "restartMe",
            "pagegroup pickers",
            "err: 3 nerr: 2 tsec: 60 page: 1 mail: 1",
            "text: \"Station dead\"");
        _fixture.Write("pick_ew.d", "HeartBeatInt 20\n");
        var loaded = 0;
        var refused = 0;

        var run = new WatchedRun(FuzzBudget.Inputs, (i, run) =>
        {
            run.Operation = "write";
            _fixture.Write("statmgr.d", mutator.Mutate(statmgrD));
            _fixture.Write("statmgr.desc", i % 3 == 0 ? mutator.Mutate(ConfigTexts.StatmgrDesc) : ConfigTexts.StatmgrDesc);
            _fixture.Write("pick_ew.desc", mutator.Mutate(pickDesc));
            // Every few inputs the nested file includes itself or statmgr.d: a cycle kom must stop.
            _fixture.Write("more.d", (i % 4) switch
            {
                0 => $"@{_fixture.PathOf("more.d")}\n",
                1 => $"@{_fixture.PathOf("statmgr.d")}\n",
                2 => mutator.RandomBytesLine(random.Next(3000)),
                _ => "Debug 1\n",
            });

            run.Operation = i % 2 == 0 ? "start" : "check";
            var outcome = i % 2 == 0 ? _fixture.Start("statmgr.d") : CheckCatchingExit();
            // --check returns what it could load even when it found errors; only a clean load counts.
            var hasErrors = outcome.Problems.Any(p => p.Severity == Statmgr.Config.ConfigProblemSeverity.Error);
            if (outcome.Result is null || hasErrors)
            {
                refused++;
            }
            else
            {
                loaded++;
                Assert.That(outcome.Config.Descriptors, Has.Count.InRange(1, 200));
                Assert.That(outcome.Config.PageGroups, Has.Count.InRange(1, 10));
            }
        });
        run.RunAndWatch();

        TestContext.Out.WriteLine($"{FuzzBudget.Inputs} configurations: {loaded} loaded, {refused} refused, heap growth {run.HeapGrowth} bytes");
        // The seeds are valid, so light mutations must still load some of the time.
        Assert.That(loaded, Is.GreaterThan(0));
        Assert.That(refused, Is.GreaterThan(0));
        Assert.That(run.HeapGrowth, Is.LessThan(4L << 20), "heap growth after the first tenth of the inputs");
    }

    private StartupOutcome CheckCatchingExit()
    {
        try
        {
            return _fixture.Check("statmgr.d");
        }
        catch (EarthwormExitException ex)
        {
            // getutil and logit end the process in C even under --check; that is a clean refusal.
            return new StartupOutcome(null, [], new CollectingLogit(), ex, []);
        }
    }
}
