using Statmgr.Earthworm.Transport;
using Statmgr.EwModule;

namespace Statmgr.Tests.Tools;

public class ModuleToolTests
{
    [Test]
    public void HeartbeatCarriesTimeAndPidOrTimeOnly()
    {
        Assert.That(ModuleMessages.Heartbeat(1709658131, 4321), Is.EqualTo("1709658131 4321\n"));
        Assert.That(ModuleMessages.Heartbeat(1709658131, null), Is.EqualTo("1709658131\n"));
    }

    [Test]
    public void ErrorCarriesTimeNumberAndNote()
    {
        Assert.That(ModuleMessages.Error(1709658131, 3, "Station XYZ dead"), Is.EqualTo("1709658131 3 Station XYZ dead\n"));
        Assert.That(ModuleMessages.Error(1709658131, 3, ""), Is.EqualTo("1709658131 3\n"));
    }

    [Test]
    public void NoteTakesTheRestOfTheCommandLine()
    {
        var o = ModuleOptions.Parse(
            ["WAVE_RING", "INST_MENLO", "MOD_PICK_EW", "--beat", "2", "--pid-in-beat", "no", "--errors-per-min", "30",
             "--err", "3", "--die-after", "8", "--die-first-start-only", "--note", "Station", "XYZ:", "--beat", "9"],
            out string error);

        Assert.That(error, Is.Empty);
        Assert.That(o, Is.EqualTo(new ModuleOptions
        {
            Ring = "WAVE_RING", Installation = "INST_MENLO", Module = "MOD_PICK_EW", BeatSeconds = 2, PidInBeat = false,
            ErrorsPerMinute = 30, ErrorNumber = 3, DieAfterSeconds = 8, DieFirstStartOnly = true,
            Note = "Station XYZ: --beat 9", ExitOnFlag = true,
        }));
    }

    [Test]
    public void ExitOnFlagIsOnUnlessTurnedOff()
    {
        Assert.That(ModuleOptions.Parse(["R", "I", "M"], out _)!.ExitOnFlag, Is.True);
        Assert.That(ModuleOptions.Parse(["R", "I", "M", "--exit-on-flag"], out _)!.ExitOnFlag, Is.True);
        Assert.That(ModuleOptions.Parse(["R", "I", "M", "--exit-on-flag", "no", "--beat", "3"], out _)!.ExitOnFlag, Is.False);
    }

    [Test]
    public void ErrorRateNeedsAnErrorNumber()
    {
        Assert.That(ModuleOptions.Parse(["R", "I", "M", "--errors-per-min", "5"], out string error), Is.Null);
        Assert.That(error, Is.EqualTo("ewmodule: --errors-per-min needs --err"));
    }

    [Test]
    public void SixNumbersAreTheNumericFormWithoutTables()
    {
        var command = NumericModuleCommand.Parse(["41050", "3", "140", "3", "500", "1500"]);

        Assert.That(command, Is.EqualTo(new NumericModuleCommand(41050, new Logo(3, 140, 3),
            TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1500))));
        Assert.That(command!.ToOptions().BeatSeconds, Is.EqualTo(0.5));
        Assert.That(command.ToOptions().DieAfterSeconds, Is.EqualTo(1.5));
        Assert.That(NumericModuleCommand.Parse(["WAVE_RING", "3", "140", "3", "500", "1500"]), Is.Null);
        Assert.That(NumericModuleCommand.Parse(["41050", "3", "300", "3", "500", "1500"]), Is.Null);
    }
}
