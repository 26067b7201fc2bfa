using Statmgr.Config;
using Statmgr.Earthworm.Transport;
using Statmgr.Tests.Fixtures;
using static Statmgr.Tests.Monitor.MonitorHarness;

namespace Statmgr.Tests.Monitor;

public class ErrorReportTests
{
    [Test]
    public void ModuleNoteReplacesTheTextAndLosesItsNewline()
    {
        var h = Started();
        h.SendError(ModPick, 1709658131, 3, "Station XYZ dead");
        h.RunUntil(T + 1);
        const string report = "UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew Station XYZ dead Page sent. Mail sent.\n";
        Assert.That(h.Reports, Is.EqualTo(new[] { report }));
        Assert.That(h.Pages.Last(), Is.EqualTo("group: ops " + report + "#"));
        Assert.That(h.Mail.Sent.Single().ReportText, Is.EqualTo(report));
    }

    [Test]
    public void ShortNoteKeepsTheDescriptorText()
    {
        var h = Started();
        h.Ring.Enqueue(From(ModPick, Types.Error), $"{T} 3 ab\n");
        h.RunUntil(T + 1);
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T) + "  ewhost/pick_ew Station dead. Page sent. Mail sent.\n" }));
    }

    [Test]
    public void UnknownErrorNumberIsIgnoredSilently()
    {
        var h = Started();
        h.SendError(ModPick, T, 99, "what is this");
        h.RunUntil(T + 1);
        Assert.That(h.Log.Entries, Is.Empty);
    }

    [Test]
    public void RateRuleReportsABatchWithinTsecAndDropsASlowOne()
    {
        var h = Started(h => h.Pick.Errors.Add(new ErrorRule(7, 3, 10, 0, 0, "Too many.")));
        foreach (var t in new[] { T, T + 2, T + 5, T + 20, T + 25, T + 40, T + 50, T + 51, T + 60 })
        {
            h.SendError(ModPick, t, 7);
        }
        h.RunUntil(T + 1);
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Utc(T + 5) + "  ewhost/pick_ew Too many.\n",
            Utc(T + 60) + "  ewhost/pick_ew Too many.\n",
        }));
        var state = h.Module(ModPick).FindError(7)!;
        Assert.That(state.ErrorCount, Is.EqualTo(0), "the count restarts after every batch");
    }

    [Test]
    public void TsecZeroReportsEveryNerrthErrorWhateverTheTiming()
    {
        var h = Started(h => h.Pick.Errors.Add(new ErrorRule(7, 2, 0, 0, 0, "Every second one.")));
        foreach (var t in new[] { T, T + 100, T + 1000, T + 5000, T + 5001 })
        {
            h.SendError(ModPick, t, 7);
        }
        h.RunUntil(T + 1);
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Utc(T + 100) + "  ewhost/pick_ew Every second one.\n",
            Utc(T + 5000) + "  ewhost/pick_ew Every second one.\n",
        }));
    }

    [Test]
    public void NerrZeroOrOneReportsEveryError()
    {
        var h = Started(h =>
        {
            h.Pick.Errors.Add(new ErrorRule(7, 0, 5, 0, 0, "Zero."));
            h.Pick.Errors.Add(new ErrorRule(8, 1, 5, 0, 0, "One."));
        });
        h.SendError(ModPick, T, 7);
        h.SendError(ModPick, T + 100, 7);
        h.SendError(ModPick, T + 200, 8);
        h.RunUntil(T + 1);
        Assert.That(h.Reports, Has.Count.EqualTo(3));
    }

    [Test]
    public void NegativeLimitsInTheDocumentedRoutingMeanNoLimit()
    {
        var h = Started(h => h.Pick.Errors.Add(new ErrorRule(7, 1, 0, -1, -1, "Unlimited.")));
        for (int i = 0; i < 3; i++)
        {
            h.SendError(ModPick, T, 7);
        }
        h.RunUntil(T + 1);
        Assert.That(h.Reports, Is.EqualTo(Enumerable.Repeat(Utc(T) + "  ewhost/pick_ew Unlimited. Page sent. Mail sent.\n", 3)));
        Assert.That(h.Mail.Sent, Has.Count.EqualTo(3));
    }

    [Test]
    public void NegativeLimitsInTheLegacyRoutingMeanNeverForErrorsAndNoLimitForHeartbeats()
    {
        var h = Started(h =>
        {
            h.Config.LegacyMailRouting = true;
            h.Pick.MailRecipients.Add("pick@example.org");
            h.Pick.HeartbeatPage = -1;
            h.Pick.HeartbeatMail = -1;
            h.Pick.Errors.Add(new ErrorRule(7, 1, 0, -1, -1, "Never."));
        });
        h.SendError(ModPick, T, 7);
        h.RunUntil(T + 31);
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Utc(T) + "  ewhost/pick_ew Never.\n",
            Utc(T + 31) + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. Mail sent.\n",
        }));
        Assert.That(h.Mail.Sent.Single().Recipients, Is.EqualTo(new[] { "ops@example.org", "boss@example.org" }), "B1: statmgr.d's list");
    }

    [Test]
    public void UnknownModuleIsReportedForEveryMessage()
    {
        var h = Started(h =>
        {
            h.Config.StatusSources.Clear();
            h.Config.StatusSources.Add(new StatusSource("INST_WILDCARD", 0, "MOD_WILDCARD", 0));
        });
        h.Beat(ModTank, T, "1");
        h.SendError(ModTank, T, 3, "x");
        h.Ring.Enqueue(new Logo(9, ModPick, Types.Heartbeat), $"{T} 1\n");
        h.RunUntil(T + 1);
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Utc(T) + "  ewhost/statmgr msg from unknown module  (statmgr doesn't have a .desc file for this one) inst:2 mod:4 typ:3\n",
            Utc(T) + "  ewhost/statmgr msg from unknown module  (statmgr doesn't have a .desc file for this one) inst:2 mod:4 typ:2\n",
            Utc(T) + "  ewhost/statmgr msg from unknown module  (statmgr doesn't have a .desc file for this one) inst:9 mod:3 typ:3\n",
        }));
    }

    [Test]
    public void UnknownModulesAreDroppedQuietlyWhenAskedTo()
    {
        var h = Started(h => h.Config.DontReportUnknownModule = 1);
        h.Beat(ModTank, T, "1");
        h.RunUntil(T + 1);
        Assert.That(h.Log.Entries, Is.Empty);
    }

    [Test]
    public void UnknownModulesAreDroppedQuietlyWithoutError2()
    {
        var h = Started(h => h.Statmgr.Errors.RemoveAll(e => e.Number == 2));
        h.Beat(ModTank, T, "1");
        h.RunUntil(T + 1);
        Assert.That(h.Log.Entries, Is.Empty);
    }

    [Test]
    public void ModuleZeroHeartbeatsAndErrorsAreIgnored()
    {
        var h = Started();
        h.Ring.Enqueue(new Logo(Inst, 0, Types.Heartbeat), "garbage\n");
        h.Ring.Enqueue(new Logo(Inst, 0, Types.Error), "garbage\n");
        h.RunUntil(T + 1);
        Assert.That(h.Log.Entries, Is.Empty);
    }

    // The cases with an escape byte carry plain names: the test platform's --filter (make test's)
    // silently drops a test whose name holds one.
    [TestCase(3, "abc\n", "error decoding heartbeat time, non-numeric char <a> found at position 0, from mod:3")]
    [TestCase(3, "1 2 3\n", "error decoding heartbeat:1 2 3 , wrong number of tokens 3, from mod:3")]
    [TestCase(3, "\n", "error decoding heartbeat: , wrong number of tokens 0, from mod:3")]
    [TestCase(3, "12 3p4\n", "error decoding heartbeat PID, non-numeric char <p> found at position 1, from mod:3")]
    [TestCase(2, "12\n", "error decoding error msg:12 , wrong number of tokens 1, from mod:3")]
    [TestCase(2, "1x 3 note\n", "error decoding error msg time, non-numeric char <x> found at position 1, from mod:3")]
    [TestCase(2, "12 -3 note\n", "error decoding error msg number, non-numeric char <-> found at position 0, from mod:3")]
    [TestCase(2, "12 3 tab\there\n", "error decoding error note, non-printable char <\t>[9] found at position 3, from mod:3")]
    [TestCase(2, "12 3 red\u001b[31m\n", "error decoding error note, non-printable char <\\x1B>[27] found at position 3, from mod:3",
        TestName = "{m}(error note with an ANSI colour escape)")]
    [TestCase(2, "12 3 back\rUTC_forged\n", "error decoding error note, non-printable char <\\x0D>[13] found at position 4, from mod:3")]
    [TestCase(3, "12 3\u007f 4\u001b[2J\n", "error decoding heartbeat:12 3\\x7F 4\\x1B[2J , wrong number of tokens 3, from mod:3",
        TestName = "{m}(heartbeat with DEL and an ANSI clear-screen escape)")]
    public void DecodeErrorsAreStatmgrError3(int type, string body, string note)
    {
        var h = Started();
        h.SetTime(T + 5);
        h.Ring.Enqueue(From(ModPick, (byte)type), body);
        h.RunUntil(T + 6);
        Assert.That(h.Reports, Is.EqualTo(new[] { Utc(T + 5) + "  ewhost/statmgr " + note + "\n" }));
        Assert.That(h.Module(ModPick).Timer, Is.EqualTo(T), "a bad heartbeat is not applied");
    }

    [Test]
    public void DecodeErrorsAreDroppedQuietlyWithoutError3()
    {
        var h = Started(h => h.Statmgr.Errors.RemoveAll(e => e.Number == 3));
        h.Ring.Enqueue(From(ModPick, Types.Heartbeat), "abc\n");
        h.RunUntil(T + 1);
        Assert.That(h.Log.Entries, Is.Empty);
    }

    [Test]
    public void ErrorTimesFromTheFarFutureAreDecodeErrorsAndCountNothing()
    {
        var h = Started(h => h.Pick.Errors.Add(new ErrorRule(7, 2, 10, 0, 0, "Two within ten seconds.")));
        h.SendError(ModPick, T, 7);
        h.Ring.Enqueue(From(ModPick, Types.Error), "9999999999 7 forged\n");
        h.Ring.Enqueue(From(ModPick, Types.Error), "99999999999999999999 7 forged\n");
        h.SendError(ModPick, T + 1, 7);
        h.RunUntil(T + 1);
        Assert.That(h.Reports, Is.EqualTo(new[]
        {
            Utc(T) + "  ewhost/statmgr error decoding error msg time, <9999999999> is more than 86400 s ahead of statmgr's clock, from mod:3\n",
            Utc(T) + "  ewhost/statmgr error decoding error msg time, <99999999999999999999> is more than 86400 s ahead of statmgr's clock, from mod:3\n",
            Utc(T + 1) + "  ewhost/pick_ew Two within ten seconds.\n",
        }));
    }

    /// <summary>A note that imitates statmgr's own lines and a second page, as one module could send it.</summary>
    private static readonly string ForgedNote =
        "disk full\n" + Utc(T) + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent.\n#group: boss forged page";

    [Test]
    public void AForgedNoteStaysOneLineInTheLogAndOnePagePerGroup()
    {
        var h = Started(h => h.Config.PageGroups.Add("night"));
        h.SendError(ModPick, T, 3, ForgedNote);
        h.RunUntil(T + 1);
        string report = Utc(T) + "  ewhost/pick_ew disk full " + Utc(T) + "  ewhost/pick_ew (MOD_PICK_EW) module dead Page sent. "
            + "#group: boss forged page Page sent. Mail sent.\n";
        Assert.That(h.Log.Texts, Is.EqualTo(new[] { report }));
        string page = report.Replace('#', ' ') + "#";
        Assert.That(h.Pages.Where(p => p.Contains("disk full", StringComparison.Ordinal)), Is.EqualTo(new[] { "group: ops " + page, "group: night " + page }));
        Assert.That(h.Mail.Sent.Single().ReportText, Is.EqualTo(report));
    }
}
