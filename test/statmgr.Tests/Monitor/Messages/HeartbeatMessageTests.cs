using System.Text;
using Statmgr.Monitor.Messages;

namespace Statmgr.Tests.Monitor.Messages;

public class HeartbeatMessageTests
{
    /// <summary>statmgr's clock in these tests.</summary>
    private const long Now = 1709658131;

    private static (bool Ok, long Time, string Pid, string? Error) Parse(string body, byte module = 3, long now = Now)
    {
        bool ok = HeartbeatMessage.TryParse(Encoding.Latin1.GetBytes(body), module, new SenderTimeLimit(() => now), out var hb, out var error);
        return (ok, hb.Time, Encoding.Latin1.GetString(hb.Pid), error);
    }

    [Test]
    public void TimeAndPid()
    {
        var r = Parse("1709658131 12345\n");
        Assert.That(r, Is.EqualTo((true, 1709658131L, "12345", (string?)null)));
    }

    [Test]
    public void TimeOnlyAsStartstopSendsIt()
    {
        var r = Parse("1709658131\n");
        Assert.That(r, Is.EqualTo((true, 1709658131L, "", (string?)null)));
    }

    [Test]
    public void RunsOfSpacesAndNewlinesSeparate()
    {
        var r = Parse("\n  1709658131 \n  0042 \n\n");
        Assert.That(r, Is.EqualTo((true, 1709658131L, "0042", (string?)null)));
    }

    [TestCase("", 3, "error decoding heartbeat:, wrong number of tokens 0, from mod:3", TestName = "{m}(EmptyBodyHasNoTokens)")]
    [TestCase("1 2 3\n", 9, "error decoding heartbeat:1 2 3\n, wrong number of tokens 3, from mod:9", TestName = "{m}(ThreeTokensAreWrongAndTheRawTextIsQuoted)")]
    [TestCase("17a9 12\n", 3, "error decoding heartbeat time, non-numeric char <a> found at position 2, from mod:3", TestName = "{m}(NonNumericTime)")]
    [TestCase("1709\t12\n", 3, "error decoding heartbeat time, non-numeric char <\t> found at position 4, from mod:3", TestName = "{m}(TabIsNotASeparator)")]
    [TestCase("1709 12x\r\n", 3, "error decoding heartbeat PID, non-numeric char <x> found at position 2, from mod:3", TestName = "{m}(NonNumericPid)")]
    public void UndecodableHeartbeatsSayWhyAsC(string body, int module, string error)
    {
        Assert.That(Parse(body, (byte)module).Error, Is.EqualTo(error));
    }

    [Test]
    public void AnEmbeddedNulEndsTheMessage()
    {
        var r = Parse("1709658131\0 garbage here\n");
        Assert.That(r, Is.EqualTo((true, 1709658131L, "", (string?)null)));
    }

    [Test]
    public void TimesBeyond2038AreKept()
    {
        Assert.That(Parse("4102444800 1\n", now: 4102444000).Time, Is.EqualTo(4102444800L));
    }

    [Test]
    public void ATimeUpToADayAheadOfStatmgrsClockIsKept()
    {
        Assert.That(Parse($"{Now + SenderTimeLimit.MaxSecondsAhead} 1\n").Time, Is.EqualTo(Now + 86_400));
    }

    [TestCase("1709744532", TestName = "{m}(OneSecondTooFar)")]
    [TestCase("9999999999", TestName = "{m}(Year2286)")]
    [TestCase("99999999999999999999", TestName = "{m}(BeyondALong)")]
    public void ATimeMoreThanADayAheadIsADecodeErrorQuotingTheDigits(string time)
    {
        Assert.That(Parse(time + " 1\n"), Is.EqualTo((false, 0L, "",
            (string?)$"error decoding heartbeat time, <{time}> is more than 86400 s ahead of statmgr's clock, from mod:3")));
    }
}
