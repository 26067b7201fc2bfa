using System.Globalization;
using Statmgr.Cli;
using Statmgr.Notify.Mail;
using Statmgr.Tests.Cli;
using Statmgr.Tests.Config;

namespace Statmgr.Tests.Silences;

/// <summary>
/// The silence side of a configuration: the descriptor option <c>restartWhileSilenced: 0|1</c>
/// (read, checked at file:line, shown in --check's alert policy section) and --check's warning
/// for a silences file statmgr could not read.
/// </summary>
public class RestartWhileSilencedCommandTests : ConfigFixtureTests
{
    private void Write(params string[] descLines)
    {
        ConfigTexts.WriteMinimal(Fixture, "Descriptor " + DescPath);
        Fixture.Write("mod.desc", ConfigTexts.Module("pick_ew", "MOD_PICK_EW", ["tsec: 30 page: 1 mail: 1", .. descLines]));
        Fixture.Write("mod.d", "HeartBeatInt 10\n");
        Fixture.SetEnvironment("EW_LOG", Fixture.Directory + "/");
    }

    private (int Exit, string Output) Check()
    {
        using var console = new CapturedConsole();
        int exit = new ConfigurationCheck(console.Out, Fixture.Environment, File.Exists, 99, _ => Array.Empty<MailCheckProblem>()).Run(ConfigPath);
        return (exit, console.Out.ToString());
    }

    [TestCase(new string[0], true, null)]
    [TestCase(new[] { "restartWhileSilenced: 0" }, false, false)]
    [TestCase(new[] { "restartWhileSilenced: 1" }, true, true)]
    public void TheOptionIsReadAndDefaultsToRestart(string[] lines, bool restarts, bool? written)
    {
        Write(lines);
        var outcome = Fixture.Start("statmgr.d");
        Assert.That(outcome.Exit, Is.Null, () => outcome.Exit!.Message);
        var policy = outcome.Config.Descriptors[1].Policy;
        Assert.That((policy.RestartsWhileSilenced, policy.RestartWhileSilenced), Is.EqualTo((restarts, written)));
        Assert.That(policy.IsOff, Is.True, "the option alone turns no alert policy rule on");
    }

    [TestCase("restartWhileSilenced: 2", "et", "statmgr: Invalid <restartWhileSilenced:> value <2> in descfile <{0}>; valid=0 (a silenced module that dies gets no restart request) or 1 (it is restarted as usual); exiting.\n")]
    [TestCase("restartWhileSilenced: yes", "e", "statmgr: Bad <restartWhileSilenced:> command in descfile <{0}>; exiting.\n")]
    public void ABadValueIsFatalAtItsLine(string line, string flags, string format)
    {
        Write(line);
        string text = string.Format(CultureInfo.InvariantCulture, format, DescPath);
        var outcome = Fixture.Start("statmgr.d");
        Assert.That(outcome.Exit?.ExitCode, Is.EqualTo(255));
        Assert.That(outcome.Log.Entries[^1], Is.EqualTo((flags, text)));
        Assert.That(Fixture.Check("statmgr.d").CheckLines, Does.Contain($"{DescPath}:5: error: {text.TrimEnd('\n')}"));
    }

    [Test]
    public void CheckShowsTheOptionInTheAlertPolicySection()
    {
        Write("restartMe", "restartWhileSilenced: 0");
        var (exit, output) = Check();
        Assert.That(exit, Is.EqualTo(ConfigurationCheck.WouldStart));
        Assert.That(output, Does.EndWith("\n       *****  Alert policy (port only)  *****\n pick_ew: restartWhileSilenced: 0\n"));
    }

    [Test]
    public void CheckWarnsOfASilencesFileStatmgrCouldNotReadAtItsLine()
    {
        Write();
        string path = Fixture.PathOf("statmgr_silences.json");
        File.WriteAllText(path, "{\n  \"version\": 1,\n  \"next_id\": 4,\n  \"silences\": [ { \"id\": x } ]\n}\n");
        var (exit, output) = Check();
        Assert.That(exit, Is.EqualTo(ConfigurationCheck.WouldStart));
        var warning = output.Split('\n').Single(l => l.Contains("silences file", StringComparison.Ordinal));
        Assert.That(warning, Does.StartWith($"{path}:4: warning: statmgr: silences file {path} not read ("));
        Assert.That(warning, Does.EndWith("); statmgr would run without its silences"));
    }

    [Test]
    public void CheckSaysNothingOfAGoodOrMissingSilencesFile()
    {
        Write();
        Assert.That(Check().Output, Does.Not.Contain("silences"));
        File.WriteAllText(Fixture.PathOf("statmgr_silences.json"), "{\"version\":1,\"next_id\":1,\"silences\":[]}");
        Assert.That(Check().Output, Does.Not.Contain("silences"));
    }
}
