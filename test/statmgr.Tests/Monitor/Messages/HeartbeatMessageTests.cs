using System.Text;
using Statmgr.Monitor.Messages;

namespace Statmgr.Tests.Monitor.Messages;

public class HeartbeatMessageTests
{
    private static (bool Ok, long Time, string Pid, string? Error) Parse(string body, byte module = 3)
    {
        bool ok = HeartbeatMessage.TryParse(Encoding.Latin1.GetBytes(body), module, out var hb, out var error);
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

    [Test]
    public void EmptyBodyHasNoTokens()
    {
        Assert.That(Parse("").Error, Is.EqualTo("error decoding heartbeat:, wrong number of tokens 0, from mod:3"));
    }

    [Test]
    public void ThreeTokensAreWrongAndTheRawTextIsQuoted()
    {
        Assert.That(Parse("1 2 3\n", 9).Error, Is.EqualTo("error decoding heartbeat:1 2 3\n, wrong number of tokens 3, from mod:9"));
    }

    [Test]
    public void NonNumericTime()
    {
        Assert.That(Parse("17a9 12\n").Error, Is.EqualTo("error decoding heartbeat time, non-numeric char <a> found at position 2, from mod:3"));
    }

    [Test]
    public void TabIsNotASeparator()
    {
        Assert.That(Parse("1709\t12\n").Error, Is.EqualTo("error decoding heartbeat time, non-numeric char <\t> found at position 4, from mod:3"));
    }

    [Test]
    public void NonNumericPid()
    {
        Assert.That(Parse("1709 12x\r\n").Error, Is.EqualTo("error decoding heartbeat PID, non-numeric char <x> found at position 2, from mod:3"));
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
        Assert.That(Parse("4102444800 1\n").Time, Is.EqualTo(4102444800L));
    }
}
