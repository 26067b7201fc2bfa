using Statmgr.Cli;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests.Cli;

/// <summary>The pid file: its place and text, its removal only while it names this process, and a failed write.</summary>
public class PidFileTests
{
    private TempDirectory _directory = null!;
    private CollectingLogit _log = null!;

    [SetUp]
    public void SetUp()
    {
        _directory = new TempDirectory("statmgr-pid-");
        _log = new CollectingLogit();
    }

    [TearDown]
    public void TearDown() => _directory.Dispose();

    [Test]
    public void ItIsNamedAfterTheConfigFileInEwLog()
    {
        Assert.That(PidFile.PathFor("/ew/params/statmgr.d", _ => "/ew/log"), Is.EqualTo("/ew/log/statmgr.pid"));
        Assert.That(PidFile.PathFor("statmgr2.d", _ => "/ew/log/"), Is.EqualTo("/ew/log/statmgr2.pid"));
        Assert.That(PidFile.PathFor("statmgr.d", _ => null), Is.Null);
    }

    [Test]
    public void ItHoldsThePidAndANewlineAndIsRemovedAtExit()
    {
        var path = _directory.PathOf("statmgr.pid");

        using (PidFile.Write(path, 4242, _log))
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("4242\n"));
            Assert.That(PidFile.Read(path, out _), Is.EqualTo(4242));
        }

        Assert.That(File.Exists(path), Is.False);
        Assert.That(Directory.GetFiles(_directory.Directory), Is.Empty, "no temporary file left");
        Assert.That(_log.Entries, Is.Empty);
    }

    [Test]
    public void AFileThatNamesAnotherStatmgrByThenIsLeftAlone()
    {
        var path = _directory.PathOf("statmgr.pid");

        using (PidFile.Write(path, 4242, _log))
        {
            File.WriteAllText(path, "4343\n");
        }

        Assert.That(File.ReadAllText(path), Is.EqualTo("4343\n"));
    }

    [Test]
    public void AFailedWriteIsLoggedOnceAndTheRunGoesOn()
    {
        var path = _directory.PathOf("no-such-dir/statmgr.pid");

        using (PidFile.Write(path, 4242, _log))
        {
        }

        Assert.That(_log.Entries, Has.Count.EqualTo(1));
        Assert.That(_log.Entries[0].Flags, Is.EqualTo("et"));
        Assert.That(_log.Entries[0].Text, Does.StartWith($"statmgr: pid file {path} not written (")
            .And.EndWith("); statmgr --reload can find this statmgr only through its status file\n"));
    }

    [Test]
    public void ReadSaysWhyThereIsNoPid()
    {
        var path = _directory.PathOf("statmgr.pid");
        Assert.That(PidFile.Read(path, out var missing), Is.Null);
        Assert.That(missing, Is.EqualTo($"no pid file {path}"));

        File.WriteAllText(path, "-1\n");
        Assert.That(PidFile.Read(path, out var garbage), Is.Null);
        Assert.That(garbage, Is.EqualTo($"pid file {path} does not hold a pid"));
    }
}
