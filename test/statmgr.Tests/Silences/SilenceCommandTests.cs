using Microsoft.Extensions.Time.Testing;
using Statmgr.Cli;
using Statmgr.Tests.Cli;
using Statmgr.Tests.Config;

namespace Statmgr.Tests.Silences;

/// <summary>
/// <c>--silence</c>, <c>--silences</c> and <c>--unsilence</c> on real files in a temp EW_LOG, at a
/// fake wall-clock time (2026-12-08 04:40:00 UTC): exact outputs, exit statuses and file contents.
/// </summary>
public class SilenceCommandTests : ConfigFixtureTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 4, 40, 0, TimeSpan.Zero);

    private CapturedConsole _console = null!;
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _console = new CapturedConsole();
        _clock = new FakeTimeProvider(Now.AddMilliseconds(700));
        ConfigTexts.WriteMinimal(Fixture, "Descriptor " + DescPath);
        Fixture.Write("mod.desc", ConfigTexts.Module("pick_ew", "MOD_PICK_EW", "tsec: 30 page: 1 mail: 1"));
        Fixture.Write("mod.d", "HeartBeatInt 10\n");
        Fixture.SetEnvironment("EW_LOG", Fixture.Directory + "/");
        Fixture.SetEnvironment("SUDO_USER", "alice");
    }

    [TearDown]
    public void TearDown() => _console.Dispose();

    private string FilePath => Fixture.PathOf("statmgr_silences.json");

    private SilenceCommand Command() => new(_console.Out, _console.Error, Fixture.Environment, File.Exists, 4321, _clock);

    private int Add(string module, string duration = "2h", string reason = "digitizer swap", string? config = null) =>
        Command().Add(module, duration, reason, config ?? ConfigPath);

    private int List() => Command().List(ConfigPath);

    private int Remove(string idOrModule) => Command().Remove(idOrModule, ConfigPath);

    /// <summary>What stdout and stderr got since the last look, then both are emptied.</summary>
    private (string Out, string Error) Said()
    {
        var said = (_console.Out.ToString(), _console.Error.ToString());
        _console.Out.GetStringBuilder().Clear();
        _console.Error.GetStringBuilder().Clear();
        return said;
    }

    private static string Entry(int id, string module, string start, string until, string author = "alice", string reason = "digitizer swap") =>
        "    {\n"
        + $"      \"id\": {id},\n"
        + $"      \"module\": \"{module}\",\n"
        + $"      \"start\": \"{start}\",\n"
        + $"      \"until\": \"{until}\",\n"
        + $"      \"author\": \"{author}\",\n"
        + $"      \"reason\": \"{reason}\"\n"
        + "    }";

    private static string FileText(int nextId, params string[] entries) =>
        "{\n"
        + "  \"version\": 1,\n"
        + $"  \"next_id\": {nextId},\n"
        + (entries.Length == 0 ? "  \"silences\": []\n" : "  \"silences\": [\n" + string.Join(",\n", entries) + "\n  ]\n")
        + "}\n";

    [Test]
    public void SilenceWritesTheFileAtomicallyAndPrintsTheSilence()
    {
        Assert.That(Add("pick_ew"), Is.EqualTo(SilenceCommand.Done));

        Assert.That(Said(), Is.EqualTo(("added silence #1 of pick_ew by alice until 2026-12-08 06:40:00 UTC: digitizer swap\n", "")));
        Assert.That(File.ReadAllText(FilePath), Is.EqualTo(FileText(2, Entry(1, "pick_ew", "2026-12-08T04:40:00Z", "2026-12-08T06:40:00Z"))));
        Assert.That(Directory.GetFiles(Fixture.Directory, "*.tmp"), Is.Empty, "the temp file was renamed");
    }

    [Test]
    public void TheAuthorIsTheUserWhoRanItWithoutSudo()
    {
        Fixture.SetEnvironment("SUDO_USER", null);
        Assert.That(Add(Statmgr.Silences.Silence.All, "1h30m", "network work"), Is.EqualTo(SilenceCommand.Done));
        Assert.That(Said().Out, Is.EqualTo($"added silence #1 of all modules by {Environment.UserName} until 2026-12-08 06:10:00 UTC: network work\n"));
    }

    [Test]
    public void SilencesListsThoseInForceAndSaysWhenThereAreNone()
    {
        Assert.That(List(), Is.EqualTo(SilenceCommand.Done));
        Assert.That(Said(), Is.EqualTo(("no silences in force\n", "")));

        Add("pick_ew");
        Add("all", "30m", "network work");
        _clock.Advance(TimeSpan.FromMinutes(10));
        Said();
        Assert.That(List(), Is.EqualTo(SilenceCommand.Done));
        Assert.That(Said(), Is.EqualTo((
            "id  module   until                    author  reason\n"
            + "#1  pick_ew  2026-12-08 06:40:00 UTC  alice   digitizer swap\n"
            + "#2  all      2026-12-08 05:10:00 UTC  alice   network work\n", "")));

        _clock.Advance(TimeSpan.FromMinutes(20));
        List();
        Assert.That(Said().Out, Is.EqualTo(
            "id  module   until                    author  reason\n"
            + "#1  pick_ew  2026-12-08 06:40:00 UTC  alice   digitizer swap\n"), "#2 expired at 05:10:00");
    }

    [Test]
    public void AWriteLeavesOutTheExpiredSilences()
    {
        Add("pick_ew", "90s");
        _clock.Advance(TimeSpan.FromSeconds(90));
        Add("pick_ew", "1d");

        Assert.That(File.ReadAllText(FilePath), Is.EqualTo(FileText(3, Entry(2, "pick_ew", "2026-12-08T04:41:30Z", "2026-12-09T04:41:30Z"))));
    }

    [Test]
    public void UnsilenceEndsOneByIdOrEveryOneOfAModule()
    {
        Add("pick_ew");
        Add("all", "30m", "network work");
        Add("pick_ew", "1h", "second look");
        Said();

        Assert.That(Remove("#2"), Is.EqualTo(SilenceCommand.Done));
        Assert.That(Said(), Is.EqualTo(("lifted silence #2 of all modules by alice until 2026-12-08 05:10:00 UTC: network work\n", "")));
        Assert.That(Remove("pick_ew"), Is.EqualTo(SilenceCommand.Done));
        Assert.That(Said(), Is.EqualTo((
            "lifted silence #1 of pick_ew by alice until 2026-12-08 06:40:00 UTC: digitizer swap\n"
            + "lifted silence #3 of pick_ew by alice until 2026-12-08 05:40:00 UTC: second look\n", "")));
        Assert.That(File.ReadAllText(FilePath), Is.EqualTo(FileText(4)));

        Assert.That(Remove("3"), Is.EqualTo(SilenceCommand.NotDone));
        Assert.That(Said(), Is.EqualTo(("", "statmgr: no silence in force has id 3\n")));
        Assert.That(Remove("pick_ew"), Is.EqualTo(SilenceCommand.NotDone));
        Assert.That(Said(), Is.EqualTo(("", "statmgr: no silence in force is of pick_ew\n")));
    }

    [TestCase("statmgr", "2h", "x", "statmgr: statmgr is statmgr's own module: it is never silenced, so that its \"Program stopping\" always goes out\n")]
    [TestCase("pick", "2h", "x", "statmgr: no descriptor of {0} has modName <pick>; the modules are: pick_ew, or all\n")]
    [TestCase("pick_ew", "2x", "x", "statmgr: invalid duration <2x>: a whole number and a unit, s m h or d (90s, 30m, 2h, 1d), or several, largest first (1h30m), at most 366d\n")]
    [TestCase("pick_ew", "30m1h", "x", "statmgr: invalid duration <30m1h>: a whole number and a unit, s m h or d (90s, 30m, 2h, 1d), or several, largest first (1h30m), at most 366d\n")]
    [TestCase("pick_ew", "2h", " ", "statmgr: a silence needs a reason: say what is being done, so that the others know\n")]
    public void SilenceRefuses(string module, string duration, string reason, string error)
    {
        Assert.That(Add(module, duration, reason), Is.EqualTo(SilenceCommand.NotDone));
        Assert.That(Said(), Is.EqualTo(("", string.Format(System.Globalization.CultureInfo.InvariantCulture, error, ConfigPath))));
        Assert.That(File.Exists(FilePath), Is.False);
    }

    [Test]
    public void AConfigurationThatDoesNotLoadStillGetsItsSilenceAtTheDefaultPlace()
    {
        Fixture.Write("broken.d", "MyModuleId MOD_NOSUCH\n");
        Assert.That(Add("pick_ew", config: Fixture.PathOf("broken.d")), Is.EqualTo(SilenceCommand.Done));

        var (output, error) = Said();
        Assert.That(output, Is.EqualTo("added silence #1 of pick_ew by alice until 2026-12-08 06:40:00 UTC: digitizer swap\n"));
        var lines = error.Split('\n');
        Assert.That(lines[0], Does.StartWith($"statmgr: configuration {Fixture.PathOf("broken.d")} does not load ("));
        Assert.That(lines[0], Does.EndWith($"); using {Fixture.PathOf("broken_silences.json")}"));
        Assert.That(lines[1..], Is.EqualTo(new[] { "statmgr: the module name <pick_ew> could not be checked", "" }));
        Assert.That(File.Exists(Fixture.PathOf("broken_silences.json")), Is.True);
    }

    [Test]
    public void ABrokenFileIsNotOverwritten()
    {
        File.WriteAllText(FilePath, "{\"version\":1}");
        Assert.That(Add("pick_ew"), Is.EqualTo(SilenceCommand.NotDone));
        var (output, error) = Said();
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.StartWith($"statmgr: silences file {FilePath} not read ("));
        Assert.That(error, Does.EndWith("); mend it or remove it first\n"));
        Assert.That(File.ReadAllText(FilePath), Is.EqualTo("{\"version\":1}"));
    }

    [Test]
    public void WithoutEwLogOrAStatusFilePathThereIsNoPlaceForTheFile()
    {
        Fixture.SetEnvironment("EW_LOG", null);
        Assert.That(List(), Is.EqualTo(SilenceCommand.NotDone));
        Assert.That(Said(), Is.EqualTo(("", $"statmgr: no place for the silences file: EW_LOG is not set and {ConfigPath} names no StatusFile path\n")));
    }

    [Test]
    public void TheFileGoesBesideAStatusFileNamedInStatmgrD()
    {
        ConfigTexts.WriteMinimal(Fixture, "Descriptor " + DescPath, $"StatusFile {Fixture.PathOf("run/status.json")}");
        Directory.CreateDirectory(Fixture.PathOf("run"));
        Assert.That(Add("pick_ew"), Is.EqualTo(SilenceCommand.Done));
        Assert.That(File.Exists(Fixture.PathOf("run/statmgr_silences.json")), Is.True);
    }

    [Test]
    public void AFileThatCannotBeWrittenIsSaid()
    {
        ConfigTexts.WriteMinimal(Fixture, "Descriptor " + DescPath, $"StatusFile {Fixture.PathOf("nowhere/status.json")}");
        Assert.That(Add("pick_ew"), Is.EqualTo(SilenceCommand.NotDone));
        var (output, error) = Said();
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.StartWith($"statmgr: silences file {Fixture.PathOf("nowhere/statmgr_silences.json")} not written: "));
    }
}
