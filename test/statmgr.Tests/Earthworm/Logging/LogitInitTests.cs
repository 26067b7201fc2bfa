using Statmgr.Earthworm;

namespace Statmgr.Tests.Earthworm.Logging;

public class LogitInitTests
{
    private const string Dashes = "-------------------------------------------------------";

    private const string Banner =
        "\n" +
        Dashes + "\n" +
        "statmgr: startup at UTC_20240305_17:02:11\n" +
        "This program is using the MT-Safe version of logit.\n" +
        Dashes + "\n";

    private LogitHarness _harness = null!;

    [SetUp]
    public void SetUp() =>
        _harness = new LogitHarness(new DateTimeOffset(2024, 3, 5, 17, 2, 11, 740, TimeSpan.Zero));

    [TearDown]
    public void TearDown() => _harness.Dispose();

    [Test]
    public void BannerIsWrittenToTheFileOnly()
    {
        _harness.Logit.Init("/opt/ew/params/statmgr.d", 1024, 1);

        Assert.That(Dashes, Has.Length.EqualTo(55));
        Assert.That(_harness.Read("statmgr_20240305.log"), Is.EqualTo(Banner));
        Assert.That(_harness.Stdout.ToString(), Is.Empty);
        Assert.That(_harness.Stderr.ToString(), Is.Empty);
        Assert.That(_harness.Logit.IsInitialized, Is.True);
    }

    [Test]
    public void ExistingFileIsAppendedTo()
    {
        File.WriteAllText(_harness.PathOf("statmgr_20240305.log"), "earlier run\n");

        _harness.InitWithLogFile();
        _harness.Logit.Write("", "line\n");

        Assert.That(_harness.Read("statmgr_20240305.log"), Is.EqualTo("earlier run\n" + Banner + "line\n"));
    }

    [Test]
    public void EwLogWithoutTrailingSlashGetsOne()
    {
        _harness.Environment["EW_LOG"] = _harness.Directory;

        _harness.InitWithLogFile();

        Assert.That(_harness.Logit.CurrentFilePath, Is.EqualTo(_harness.Directory + "/statmgr_20240305.log"));
        Assert.That(_harness.Read("statmgr_20240305.log"), Is.EqualTo(Banner));
    }

    [Test]
    public void EwLogUnsetExitsWith255()
    {
        _harness.Environment.Remove("EW_LOG");

        var exit = Assert.Throws<EarthwormExitException>(() => _harness.Logit.Init("/opt/ew/params/statmgr.d", 1024, 1));

        Assert.That(exit.ExitCode, Is.EqualTo(255));
        Assert.That(_harness.Stderr.ToString(), Is.EqualTo("Environment variable EW_LOG not defined; statmgr exiting.\n"));
        Assert.That(_harness.Stdout.ToString(), Is.Empty);
        Assert.That(Directory.GetFiles(_harness.Directory), Is.Empty);
    }

    [Test]
    public void LogFileThatCannotBeOpenedExitsWith0()
    {
        var missing = Path.Combine(_harness.Directory, "no-such-dir");
        _harness.Environment["EW_LOG"] = missing;

        var exit = Assert.Throws<EarthwormExitException>(() => _harness.Logit.Init("statmgr.d", 1024, 1));

        Assert.That(exit.ExitCode, Is.EqualTo(0));
        Assert.That(
            _harness.Stderr.ToString(),
            Is.EqualTo($"statmgr: Error opening log file <{missing}/statmgr_20240305.log>. Exiting\n"));
        Assert.That(Directory.Exists(missing), Is.False);
    }

    [Test]
    public void LogPathThatIsADirectoryExitsWith0()
    {
        Directory.CreateDirectory(_harness.PathOf("statmgr_20240305.log"));

        var exit = Assert.Throws<EarthwormExitException>(() => _harness.Logit.Init("statmgr.d", 1024, 1));

        Assert.That(exit.ExitCode, Is.EqualTo(0));
        Assert.That(
            _harness.Stderr.ToString(),
            Is.EqualTo($"statmgr: Error opening log file <{_harness.Directory}/statmgr_20240305.log>. Exiting\n"));
    }

    [Test]
    public void LogFile1KeepsDiskAndConsole()
    {
        _harness.InitWithLogFile();
        _harness.InitWithLogFile();
        _harness.Logit.Write("e", "both\n");

        Assert.That(_harness.Read("statmgr_20240305.log"), Is.EqualTo(Banner + "both\n"), "no second banner");
        Assert.That(_harness.Stderr.ToString(), Is.EqualTo("both\n"));
    }

    [Test]
    public void LogFile0AfterStartupClosesTheFileButKeepsWhatWasWritten()
    {
        _harness.InitWithLogFile();
        _harness.Logit.Write("", "statmgr: Read command file <statmgr.d>\n");

        _harness.Logit.Init("statmgr.d", 1024, 0);
        _harness.Logit.Write("et", "after\n");

        Assert.That(_harness.Logit.CurrentFilePath, Is.Null);
        Assert.That(
            _harness.Read("statmgr_20240305.log"),
            Is.EqualTo(Banner + "statmgr: Read command file <statmgr.d>\n"));
        Assert.That(_harness.Stderr.ToString(), Is.EqualTo("20240305_UTC_17:02:11 after\n"), "console echo stays on");
    }

    [Test]
    public void LogFile0CannotBeUndone()
    {
        _harness.InitWithLogFile();
        _harness.Logit.Init("statmgr.d", 1024, 0);
        _harness.InitWithLogFile();
        _harness.Logit.Write("", "lost\n");

        Assert.That(_harness.Logit.CurrentFilePath, Is.Null);
        Assert.That(_harness.Read("statmgr_20240305.log"), Is.EqualTo(Banner));
    }

    [Test]
    public void LogFile2AfterStartupStopsTheConsoleCopies()
    {
        _harness.InitWithLogFile();
        _harness.Logit.Write("eo", "echoed\n");

        _harness.Logit.Init("statmgr.d", 1024, 2);
        _harness.Logit.Write("eo", "quiet\n");
        _harness.InitWithLogFile();
        _harness.Logit.Write("e", "still quiet\n");

        Assert.That(_harness.Stdout.ToString(), Is.EqualTo("echoed\n"));
        Assert.That(_harness.Stderr.ToString(), Is.EqualTo("echoed\n"));
        Assert.That(_harness.Read("statmgr_20240305.log"), Is.EqualTo(Banner + "echoed\nquiet\nstill quiet\n"));
    }

    [Test]
    public void FirstInitWith2LogsToDiskOnly()
    {
        _harness.Logit.Init("statmgr.d", 1024, 2);
        _harness.Logit.Write("eo", "disk only\n");

        Assert.That(_harness.Stdout.ToString(), Is.Empty);
        Assert.That(_harness.Stderr.ToString(), Is.Empty);
        Assert.That(_harness.Read("statmgr_20240305.log"), Is.EqualTo(Banner + "disk only\n"));
    }

    [Test]
    public void FirstInitWith0NeedsNoEwLogAndCreatesNoFile()
    {
        _harness.Environment.Remove("EW_LOG");

        _harness.Logit.Init("statmgr.d", 1024, 0);
        _harness.InitWithLogFile();
        _harness.Logit.Write("ed", "console\n");

        Assert.That(_harness.Logit.CurrentFilePath, Is.Null);
        Assert.That(Directory.GetFiles(_harness.Directory), Is.Empty);
        // C records the pid only after opening the log file.
        Assert.That(_harness.Stderr.ToString(), Is.EqualTo("(0) console\n"));
    }

    [Test]
    public void WriteBeforeInitOnlyWarns()
    {
        _harness.Logit.Write("eot", "too early\n");

        Assert.That(_harness.Stderr.ToString(), Is.EqualTo("WARNING: Call logit_init before logit.\n"));
        Assert.That(_harness.Stdout.ToString(), Is.Empty);
        Assert.That(Directory.GetFiles(_harness.Directory), Is.Empty);
        Assert.That(_harness.Logit.IsInitialized, Is.False);
        Assert.That(_harness.Logit.ProgramName, Is.Empty);
    }

    [Test]
    public void BufferSizeBelowTwoIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _harness.Logit.Init("statmgr.d", 1, 1));
        Assert.That(_harness.Logit.IsInitialized, Is.False);
    }

    [Test]
    public void ProcessLogitStartsUninitialised()
    {
        using var logit = Statmgr.Earthworm.Logging.Logit.ForCurrentProcess(_harness.Time);

        Assert.That(logit.IsInitialized, Is.False);
        Assert.That(logit.CurrentFilePath, Is.Null);
    }
}
