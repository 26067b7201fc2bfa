using Statmgr.Config;
using Statmgr.Earthworm;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests.Config;

public class ConfigProblemTests
{
    [Test]
    public void CheckLineForm()
    {
        Assert.That(new ConfigProblem(new ConfigLocation("statmgr.d", 12), ConfigProblemSeverity.Error, "statmgr: Invalid ring name <X>; exiting.\n").ToCheckLine(),
            Is.EqualTo("statmgr.d:12: error: statmgr: Invalid ring name <X>; exiting."));
        Assert.That(new ConfigProblem(new ConfigLocation("a.desc", 3), ConfigProblemSeverity.Warning, "statmgr: <x> unknown command in descfile <a.desc>.\n").ToCheckLine(),
            Is.EqualTo("a.desc:3: warning: statmgr: <x> unknown command in descfile <a.desc>."));
    }

    [Test]
    public void RealStartStopsAtTheFirstError()
    {
        var log = new CollectingLogit();
        var problems = new ConfigProblems(log, collectAll: false);

        problems.Warning(new ConfigLocation("f", 1), "e", "first\n");
        var exit = Assert.Throws<EarthwormExitException>(() => problems.Error(new ConfigLocation("f", 2), "second\n"));

        Assert.That(exit!.ExitCode, Is.EqualTo(255));
        Assert.That(exit.Message, Is.EqualTo("second\n"));
        Assert.That(log.Entries, Is.EqualTo(new[] { ("e", "first\n"), ("e", "second\n") }));
        Assert.That(problems.HasErrors, Is.True);
    }

    [Test]
    public void CheckCollectsEveryProblem()
    {
        var log = new CollectingLogit();
        var problems = new ConfigProblems(log, collectAll: true);

        problems.Error(new ConfigLocation("f", 1), ("et", "part one\n"), ("e", "\tpart two\n"));
        problems.Warning(new ConfigLocation("f", 2), "w", "warned\n");

        Assert.That(problems.All.Select(p => p.ToCheckLine()), Is.EqualTo(new[] { "f:1: error: part one part two", "f:2: warning: warned" }));
        Assert.That(log.Entries, Is.EqualTo(new[] { ("et", "part one\n"), ("e", "\tpart two\n"), ("w", "warned\n") }));
    }
}
