using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests.Earthworm.Logging;

public class LogProgramNameTests
{
    // The naming table of logit_init: program name and daily file name from the config path.
    [TestCase("statmgr.d", "statmgr", "statmgr_20240305.log")]
    [TestCase("/opt/ew/params/pick_ew.d", "pick_ew", "pick_ew_20240305.log")]
    [TestCase(@"C:\ew\params\pick_ew.d", "pick_ew", "pick_ew_20240305.log")]
    [TestCase("startstop_unix.d", "startstop_unix", "startstop_unix_20240305.log")]
    [TestCase("my.config.d", "my", "my_20240305.log")]
    [TestCase("tankplayer2.d", "tankplayer2", "tankplayer2_20240305.log")]
    [TestCase(".hidden", "", "_20240305.log")]
    public void NamingTable(string path, string programName, string fileName)
    {
        using var harness = new LogitHarness(new DateTimeOffset(2024, 3, 5, 17, 2, 11, TimeSpan.Zero));

        harness.Logit.Init(path, 1024, 1);

        Assert.That(LogProgramName.FromPath(path), Is.EqualTo(programName));
        Assert.That(harness.Logit.ProgramName, Is.EqualTo(programName));
        Assert.That(harness.Logit.CurrentFilePath, Is.EqualTo(harness.Directory + "/" + fileName));
        Assert.That(System.IO.Directory.GetFiles(harness.Directory).Select(Path.GetFileName), Is.EqualTo(new[] { fileName }));
    }

    [TestCase("/opt/ew.params/statmgr.d", "statmgr")]
    [TestCase(@"/mixed\dir/sub\statmgr.d", "statmgr")]
    [TestCase("/opt/ew/params/", "")]
    [TestCase("", "")]
    [TestCase("noextension", "noextension")]
    public void DirectoriesAndDotsInDirectoriesAreIgnored(string path, string programName)
    {
        Assert.That(LogProgramName.FromPath(path), Is.EqualTo(programName));
    }

    [Test]
    public void NameIsCutTo49Characters()
    {
        var longName = new string('a', 60);

        Assert.That(LogProgramName.FromPath("/x/" + longName + ".d"), Is.EqualTo(new string('a', 49)));
        Assert.That(LogProgramName.FromPath(new string('b', 49) + ".d"), Is.EqualTo(new string('b', 49)));
    }

    [Test]
    public void FileNameUsesTheUtcDate()
    {
        var time = new DateTimeOffset(2024, 3, 5, 23, 30, 0, TimeSpan.FromHours(-5));

        Assert.That(LogFileName.For("statmgr", time), Is.EqualTo("statmgr_20240306.log"));
        Assert.That(LogFileName.DateStamp(new DateTimeOffset(987, 1, 2, 0, 0, 0, TimeSpan.Zero)), Is.EqualTo("09870102"));
    }

    [Platform(Exclude = "Win")]
    [TestCase("/var/ew/log", "/var/ew/log/")]
    [TestCase("/var/ew/log/", "/var/ew/log/")]
    [TestCase("", "")]
    [TestCase("log", "log/")]
    public void DirectoryGetsOneTrailingSlash(string ewLog, string directory)
    {
        Assert.That(LogFileName.Directory(ewLog), Is.EqualTo(directory));
    }
}
