using System.Text;
using Statmgr.Config;
using Statmgr.Notify.Mail;

namespace Statmgr.Tests.Notify.Mail;

public class MailSettingsTests
{
    [TestCase("relay.example.org", "relay.example.org", 25)]
    [TestCase("relay.example.org:587", "relay.example.org", 587)]
    [TestCase("127.0.0.1:2525", "127.0.0.1", 2525)]
    [TestCase("[::1]:2525", "::1", 2525)]
    [TestCase("[::1]", "::1", 25)]
    [TestCase("::1", "::1", 25)]
    [TestCase(" relay ", "relay", 25)]
    public void MailServerLinesParse(string line, string host, int port)
    {
        Assert.That(MailServerAddress.TryParse(line, 25, out var problem), Is.EqualTo(new MailServerAddress(host, port)));
        Assert.That(problem, Is.Null);
    }

    [TestCase("relay:0", "port must be a number from 1 to 65535")]
    [TestCase("relay:65536", "port must be a number from 1 to 65535")]
    [TestCase("relay:smtp", "port must be a number from 1 to 65535")]
    [TestCase("relay:", "port must be a number from 1 to 65535")]
    [TestCase(":25", "no host name")]
    [TestCase("[::1", "unterminated [address]")]
    [TestCase("[::1]x", "text after ]")]
    [TestCase("", "empty server name")]
    public void UnusableMailServerLinesSayWhy(string line, string reason)
    {
        Assert.That(MailServerAddress.TryParse(line, 25, out var problem), Is.Null);
        Assert.That(problem, Is.EqualTo(reason));
    }

    [Test]
    public void AddressesPrintAsHostAndPort()
    {
        Assert.That(new MailServerAddress("relay", 25).ToString(), Is.EqualTo("relay:25"));
        Assert.That(new MailServerAddress("::1", 25).ToString(), Is.EqualTo("[::1]:25"));
    }

    [Test]
    public void DefaultsAreCsAndDecisionsOnes()
    {
        var settings = MailSettings.FromConfig(new StatmgrConfig { SmtpTimeoutSeconds = 0 });

        Assert.That(settings.UsesSmtp, Is.False);
        Assert.That(settings.Subject, Is.EqualTo("Earthworm Status Message"));
        Assert.That(settings.From, Is.EqualTo(Environment.UserName + "@" + Environment.MachineName));
        Assert.That(settings.Prefix, Is.Empty);
        Assert.That(settings.Suffix, Is.Empty);
        Assert.That(settings.Security, Is.EqualTo(SmtpSecurityMode.Auto));
        Assert.That(settings.Timeout, Is.EqualTo(TimeSpan.FromSeconds(StatmgrConfig.DefaultSmtpTimeoutSeconds)).And.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(settings.User, Is.Null);
        Assert.That(settings.MailProgram, Is.Null);
    }

    [Test]
    public void ServersKeepTheirOrderAndBadLinesAreNamed()
    {
        var config = new StatmgrConfig { SmtpSecurity = SmtpSecurityMode.Ssl };
        config.MailServers.AddRange(["first.example.org", "second.example.org:2465", "third:x"]);

        var settings = MailSettings.FromConfig(config);

        Assert.That(settings.UsesSmtp, Is.True);
        Assert.That(settings.Servers, Is.EqualTo(new[]
        {
            new MailServerAddress("first.example.org", 465), new MailServerAddress("second.example.org", 2465),
        }));
        Assert.That(settings.ServerProblems, Is.EqualTo(new[] { "MailServer <third:x>: port must be a number from 1 to 65535" }));
    }

    [Test]
    public void RecipientsAreStatmgrDsThenEachDescriptorsWithoutRepeats()
    {
        var config = new StatmgrConfig();
        config.MailRecipients.AddRange(["ops@example.org", "duty@example.org"]);
        var pick = new Descriptor { ModName = "pick_ew" };
        pick.MailRecipients.AddRange(["pick@example.org", "ops@example.org"]);
        var ring = new Descriptor { ModName = "export" };
        ring.MailRecipients.Add("net@example.org");
        config.Descriptors.AddRange([pick, ring]);

        Assert.That(MailSettings.FromConfig(config).Recipients, Is.EqualTo(new[]
        {
            "ops@example.org", "duty@example.org", "pick@example.org", "net@example.org",
        }));
    }

    [Test]
    public void TheBodyIsPrefixReportSuffixAndTheNewlineEchoAdded()
    {
        var settings = MailSettings.FromConfig(new StatmgrConfig { MsgPrefix = "P:", MsgSuffix = "S." });

        Assert.That(settings.ComposeBody("UTC_x  sys/mod text\n Mail sent.\n"), Is.EqualTo("P:UTC_x  sys/mod text\n Mail sent.\nS.\n"));
    }

    [Test]
    public void TheBodyFramingKeepsTabsAndNewlinesButShowsOtherControlBytes()
    {
        var euro = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("\u20ac"));
        var settings = MailSettings.FromConfig(new StatmgrConfig { MsgPrefix = "P\u001b[2J\t" + euro + "\n", MsgSuffix = "\rS\u007f" });

        Assert.That(settings.ComposeBody("UTC_x  sys/mod text\n"), Is.EqualTo("P\\x1B[2J\t" + euro + "\nUTC_x  sys/mod text\n\\x0DS\\x7F\n"));
    }

    [Test]
    public void ConfigBytesThatAreUtf8AreReadAsUtf8AndOthersKeptAsLatin1()
    {
        var utf8 = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes("séisme"));
        var latin1 = Encoding.Latin1.GetString([0x73, 0xE9, 0x69, 0x73, 0x6D, 0x65]);

        Assert.That(MailTextEncoding.ForBytes(utf8), Is.EqualTo((Encoding.UTF8, "séisme")));
        Assert.That(MailTextEncoding.ForBytes(latin1), Is.EqualTo((Encoding.Latin1, latin1)));
        Assert.That(MailTextEncoding.ForBytes("plain"), Is.EqualTo((Encoding.UTF8, "plain")));
        Assert.That(MailTextEncoding.OriginalBytes(utf8), Is.EqualTo(Encoding.UTF8.GetBytes("séisme")));
        Assert.That(MailTextEncoding.OriginalBytes(latin1), Is.EqualTo(new byte[] { 0x73, 0xE9, 0x69, 0x73, 0x6D, 0x65 }));
    }
}
