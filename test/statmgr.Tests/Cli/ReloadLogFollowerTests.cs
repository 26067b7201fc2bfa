using Microsoft.Extensions.Time.Testing;
using Statmgr.Cli;

namespace Statmgr.Tests.Cli;

/// <summary>Following a statmgr log for a reload's answer, on a fake clock: never sleeps.</summary>
public class ReloadLogFollowerTests
{
    private TempDirectory _directory = null!;
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _directory = new TempDirectory("statmgr-follow-");
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 23, 59, 59, TimeSpan.Zero));
    }

    [TearDown]
    public void TearDown() => _directory.Dispose();

    private ReloadLogFollower Follower() => new(_directory.Directory + "/", "statmgr", _clock);

    private void Append(string date, string text) => File.AppendAllText(_directory.PathOf($"statmgr_{date}.log"), text);

    [Test]
    public void WhatWasInTheLogBeforeAndLinesBeforeTheSighupLineAreNotTheReloads()
    {
        Append("20261208", "20261208_UTC_23:59:50 statmgr: SIGHUP: reloading statmgr.d\n20261208_UTC_23:59:50 statmgr: reload done\n");
        var follower = Follower();

        Append("20261208", "20261208_UTC_23:59:59 statmgr: reload done\n20261208_UTC_23:59:59 statmgr: SIGHUP: reloading statmgr.d\n");

        Assert.That(follower.Poll(), Is.EqualTo(ReloadAnswer.NotYet));
        Assert.That(follower.Lines, Is.EqualTo(new[] { "20261208_UTC_23:59:59 statmgr: SIGHUP: reloading statmgr.d" }));
    }

    [Test]
    public void ALineWrittenInTwoPiecesIsTakenWhole()
    {
        var follower = Follower();
        Append("20261208", "20261208_UTC_23:59:59 statmgr: SIGHUP: reloading statmgr.d\n20261208_UTC_23:59:59 statmgr: reload re");
        Assert.That(follower.Poll(), Is.EqualTo(ReloadAnswer.NotYet));

        Append("20261208", "fused; still running the configuration loaded at 2026-12-08 04:00:00 UTC\n");

        Assert.That(follower.Poll(), Is.EqualTo(ReloadAnswer.Refused));
        Assert.That(follower.Lines[^1], Is.EqualTo("20261208_UTC_23:59:59 statmgr: reload refused; still running the configuration loaded at 2026-12-08 04:00:00 UTC"));
    }

    [Test]
    public void AtMidnightTheOldDaysFileIsReadToItsEndThenTheNewOneFromItsStart()
    {
        var follower = Follower();
        Append("20261208", "20261208_UTC_23:59:59 statmgr: SIGHUP: reloading statmgr.d\n"
                           + "UTC date changed; log output continues in file <statmgr_20261209.log>\n");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(follower.Poll(), Is.EqualTo(ReloadAnswer.NotYet), "the new day's file is not there yet");

        Append("20261209", "\n------\nstatmgr: startup at UTC_20261209_00:00:00\n20261209_UTC_00:00:00 statmgr: reload: no changes\n"
                           + "20261209_UTC_00:00:00 statmgr: reload done\n");

        Assert.That(follower.Poll(), Is.EqualTo(ReloadAnswer.Done));
        Assert.That(follower.CurrentPath, Is.EqualTo(_directory.PathOf("statmgr_20261209.log")));
        Assert.That(follower.Lines, Is.EqualTo(new[]
        {
            "20261208_UTC_23:59:59 statmgr: SIGHUP: reloading statmgr.d",
            "UTC date changed; log output continues in file <statmgr_20261209.log>",
            "",
            "------",
            "statmgr: startup at UTC_20261209_00:00:00",
            "20261209_UTC_00:00:00 statmgr: reload: no changes",
            "20261209_UTC_00:00:00 statmgr: reload done",
        }));
    }

    [Test]
    public void OnlyAWholeDoneLineIsTheAnswerAndTheTimeStampIsNotPartOfIt()
    {
        Assert.That(ReloadLogFollower.WithoutTimeStamp("20261208_UTC_23:59:59 statmgr: reload done"), Is.EqualTo("statmgr: reload done"));
        Assert.That(ReloadLogFollower.WithoutTimeStamp("2026120x_UTC_23:59:59 statmgr: reload done"), Does.StartWith("2026120x"));
        var follower = Follower();
        Append("20261208", "20261208_UTC_23:59:59 statmgr: SIGHUP: reloading statmgr.d\n/ew/a.desc:1: error: statmgr: reload done here\n");

        Assert.That(follower.Poll(), Is.EqualTo(ReloadAnswer.NotYet));
    }
}
