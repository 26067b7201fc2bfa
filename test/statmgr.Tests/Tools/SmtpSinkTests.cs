using System.Text;
using Statmgr.SmtpSink;

namespace Statmgr.Tests.Tools;

public class SmtpSinkTests
{
    [Test]
    public void LineNamesRecipientsAndSubject()
    {
        byte[] mail = Encoding.ASCII.GetBytes(
            "From: statmgr@ewhost\r\nTo: ops@example.org\r\nSubject: Earthworm Status Message\r\n\r\nUTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew module dead\r\n");

        Assert.That(ReceivedMailLine.Format(7, ["ops@example.org", "duty@example.org"], mail),
            Is.EqualTo("smtpsink: mail 7 to ops@example.org, duty@example.org subject \"Earthworm Status Message\""));
    }

    [Test]
    public void OptionsNeedAPort()
    {
        Assert.That(SinkOptions.Parse(["--port", "2525", "--save", "/tmp/x"], out _), Is.EqualTo(new SinkOptions(2525, "/tmp/x")));
        Assert.That(SinkOptions.Parse(["--save", "/tmp/x"], out string error), Is.Null);
        Assert.That(error, Is.EqualTo("smtpsink: --port is required"));
    }
}
