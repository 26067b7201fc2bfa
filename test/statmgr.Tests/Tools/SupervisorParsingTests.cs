using System.Text;
using Statmgr.EwSupervisor;

namespace Statmgr.Tests.Tools;

public class SupervisorParsingTests
{
    [TestCase("1234\n", 1234)]
    [TestCase("  42 extra", 42)]
    [TestCase("-7\n", -7)]
    [TestCase("abc", 0)]
    [TestCase("", 0)]
    public void RequestPidIsReadAsCsAtoiReadsIt(string body, int pid)
    {
        Assert.That(LeadingInteger.Parse(Encoding.ASCII.GetBytes(body)), Is.EqualTo(pid));
    }

    [Test]
    public void ProcessCommandIsSplitAtRunsOfBlanksWithoutQuoting()
    {
        Assert.That(CommandSplitter.Split("ewmodule  WAVE_RING \"INST X\""),
            Is.EqualTo(new[] { "ewmodule", "WAVE_RING", "\"INST", "X\"" }));
    }

    [Test]
    public void OptionsTakeRingsChildrenAndTimes()
    {
        var o = SupervisorOptions.Parse(
            ["STATUS_RING", "--child", "ewmodule A", "WAVE_RING", "--child", "ewmodule B", "--beat", "2.5", "--kill-delay", "1"],
            out string error);

        Assert.That(error, Is.Empty);
        Assert.That(o!.Rings, Is.EqualTo(new[] { "STATUS_RING", "WAVE_RING" }));
        Assert.That(o.Children, Is.EqualTo(new[] { "ewmodule A", "ewmodule B" }));
        Assert.That(o.BeatSeconds, Is.EqualTo(2.5));
        Assert.That(o.KillDelaySeconds, Is.EqualTo(1));
        Assert.That(o.Module, Is.EqualTo("MOD_STARTSTOP"));
    }

    [Test]
    public void OptionsWithoutRingAreRefused()
    {
        Assert.That(SupervisorOptions.Parse(["--child", "x"], out string error), Is.Null);
        Assert.That(error, Is.EqualTo("ewsupervisor: at least one RING is required"));
    }
}
