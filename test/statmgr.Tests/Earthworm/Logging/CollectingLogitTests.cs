using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests.Earthworm.Logging;

public class CollectingLogitTests
{
    [Test]
    public void KeepsFlagsAndTextsInOrder()
    {
        var logit = new CollectingLogit();

        logit.Write("e", "statmgr: Environment variable SYS_NAME ");
        logit.Write("e", "defined, but has no value; exiting.\n");
        logit.Write("", "x\n");

        Assert.That(
            logit.Entries,
            Is.EqualTo(new[]
            {
                ("e", "statmgr: Environment variable SYS_NAME "),
                ("e", "defined, but has no value; exiting.\n"),
                ("", "x\n"),
            }));
        Assert.That(
            logit.Text,
            Is.EqualTo("statmgr: Environment variable SYS_NAME defined, but has no value; exiting.\nx\n"));
    }

    [Test]
    public void ClearForgetsEverything()
    {
        var logit = new CollectingLogit();
        logit.Write("t", "a\n");

        logit.Clear();

        Assert.That(logit.Entries, Is.Empty);
        Assert.That(logit.Text, Is.Empty);
    }
}
