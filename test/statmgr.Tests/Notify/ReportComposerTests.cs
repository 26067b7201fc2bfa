using Statmgr.Config;
using Statmgr.Notify;
using Statmgr.Tests.Monitor;

namespace Statmgr.Tests.Notify;

public class ReportComposerTests
{
    private const long Time = 1709658131;
    private static readonly Descriptor Pick = MonitorHarness.NewDescriptor("pick_ew", "MOD_PICK_EW", 3, 30, 2, 5);

    private static Delivery With(bool page, bool mail) => new(page, [], mail, mail);

    [Test]
    public void HealthReportAsInTheSpecExample()
    {
        Assert.That(ReportComposer.Health(Time, Pick, "module dead", With(true, false)),
            Is.EqualTo("UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n"));
    }

    [Test]
    public void HealthReportWithBothSuffixes()
    {
        Assert.That(ReportComposer.Health(1700000000, Pick, "module alive", With(true, true)),
            Is.EqualTo("UTC_Tue Nov 14 22:13:20 2023  ewhost/pick_ew (MOD_PICK_EW) module alive Page sent. Mail sent.\n"));
    }

    [Test]
    public void HealthReportWithoutSuffixes()
    {
        Assert.That(ReportComposer.Health(Time, Pick, "module dead, PID unknown; needs human intervention.", With(false, false)),
            Is.EqualTo("UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew (MOD_PICK_EW) module dead, PID unknown; needs human intervention.\n"));
    }

    [Test]
    public void ErrorNoteLosesOneNewlineBeforeTheSuffixes()
    {
        Assert.That(ReportComposer.Error(Time, Pick, "Station dead.", "Station XYZ dead\n", With(true, false)),
            Is.EqualTo("UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew Station XYZ dead Page sent.\n"));
    }

    [Test]
    public void ErrorNoteOfFourCharactersCountingItsNewlineReplacesTheText()
    {
        Assert.That(ReportComposer.Error(Time, Pick, "Station dead.", "abc\n", With(false, true)),
            Is.EqualTo("UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew abc Mail sent.\n"));
    }

    [Test]
    public void ErrorNoteOfThreeCharactersKeepsTheText()
    {
        Assert.That(ReportComposer.Error(Time, Pick, "Station dead.", "ab\n", With(true, true)),
            Is.EqualTo("UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew Station dead. Page sent. Mail sent.\n"));
    }

    [TestCase("line\n\n", "line  Page sent.", TestName = "{m}(TwoNewlinesKeepOneLine)")]
    [TestCase("disk full\nUTC_x  ewhost/pick_ew (MOD_PICK_EW) module dead\n", "disk full UTC_x  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.",
        TestName = "{m}(ANewlineInsideIsASpace)")]
    [TestCase("\u001b[2J\rnul\0 del\u007f tab\t\n", "\\x1B[2J\\x0Dnul\\x00 del\\x7F tab\t Page sent.", TestName = "{m}(ControlBytesAsHexButTab)")]
    [TestCase("Station #3: caf\u00e9 \u00ff ~\n", "Station #3: caf\u00e9 \u00ff ~ Page sent.", TestName = "{m}(PrintableLatin1AndHashUnchanged)")]
    public void AnErrorNoteIsShownOnOneLine(string note, string shown)
    {
        Assert.That(ReportComposer.Error(Time, Pick, "Station dead.", note, With(true, false)),
            Is.EqualTo("UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew " + shown + "\n"));
    }

    [Test]
    public void ErrorNoteWithoutNewlineIsUsedAsIs()
    {
        Assert.That(ReportComposer.Error(Time, Pick, "Station dead.", "Missed msg(s)  inst:2 mod:3 typ:3  region:1050", With(false, false)),
            Is.EqualTo("UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew Missed msg(s)  inst:2 mod:3 typ:3  region:1050\n"));
    }
}
