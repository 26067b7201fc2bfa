using Microsoft.Extensions.Time.Testing;
using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Notify.Mail;

namespace Statmgr.Tests.Notify.Mail;

[Platform("Linux,MacOsX")]
public class MailTransportFactoryTests : MailTestBase
{
    private readonly FakeTimeProvider _clock = new();

    [Test]
    public void MailServerMeansSmtpAndMailProgramIsIgnoredWithOneWarning()
    {
        var config = Config();
        config.MailServers.AddRange(["relay.example.org", "backup.example.org:2525"]);
        config.MailProgram = "/usr/ucb/Mail";
        var log = new CollectingLogit();

        var transport = MailTransportFactory.Create(MailSettings.FromConfig(config), log, _clock);

        Assert.That(transport, Is.TypeOf<SmtpMailTransport>());
        Assert.That(transport!.Description, Is.EqualTo("SMTP through relay.example.org:25, backup.example.org:2525"));
        Assert.That(log.Entries, Is.EqualTo(new[]
        {
            ("et", "statmgr: MailProgram </usr/ucb/Mail> ignored: MailServer is set, so reports are mailed by SMTP\n"),
        }));
    }

    [Test]
    public void UnusableMailServerLinesAreSaidAndWithoutAnyUsableOneThereIsNoMail()
    {
        var config = Config();
        config.MailServers.Add("relay:smtp");

        var choice = MailTransportFactory.Choose(MailSettings.FromConfig(config), _clock, Temp.Directory);

        Assert.That(choice.Transport, Is.Null);
        Assert.That(choice.Notices, Is.EqualTo(new[]
        {
            "statmgr: MailServer <relay:smtp>: port must be a number from 1 to 65535; line ignored\n",
            "statmgr: no usable MailServer; reports will not be mailed\n",
        }));
    }

    [Test]
    public void MailProgramIsRunWhenNoMailServerIsSet()
    {
        var program = Temp.Write("mailx", "#!/bin/sh\n", "755");
        var config = Config();
        config.MailProgram = program;

        var choice = MailTransportFactory.Choose(MailSettings.FromConfig(config), _clock, "");

        Assert.That(choice.Transport, Is.TypeOf<MailProgramTransport>());
        Assert.That(choice.Transport!.Description, Is.EqualTo($"mail program {program}"));
        Assert.That(choice.Notices, Is.Empty);
    }

    [Test]
    public void WithNeitherTheProgramMailIsFoundOnPath()
    {
        var bin = Directory.CreateDirectory(Temp.PathOf("bin")).FullName;
        Temp.Write("bin/mail", "#!/bin/sh\n", "755");

        var choice = MailTransportFactory.Choose(MailSettings.FromConfig(Config()), _clock, $"{Temp.PathOf("empty")}:{bin}");

        Assert.That(choice.Transport!.Description, Is.EqualTo($"mail program {Path.Combine(bin, "mail")}"));
        Assert.That(choice.Notices, Is.Empty);
    }

    [Test]
    public void WithNoProgramOnPathOneLineIsSaidAtStartupAndNothingIsMailed()
    {
        Temp.Write("mail", "not executable\n", "644");
        var settings = MailSettings.FromConfig(Config());

        var choice = MailTransportFactory.Choose(settings, _clock, Temp.Directory);

        Assert.That(choice.Transport, Is.Null);
        Assert.That(choice.Notices, Is.EqualTo(new[]
        {
            "statmgr: no MailServer or MailProgram set and no program <mail> found on PATH; reports will not be mailed\n",
        }));
    }

    [Test]
    public void AMissingMailProgramIsSaidOnce()
    {
        var config = Config();
        config.MailProgram = "/usr/ucb/Mail-not-here";

        var choice = MailTransportFactory.Choose(MailSettings.FromConfig(config), _clock, "");

        Assert.That(choice.Transport, Is.Null);
        Assert.That(choice.Notices, Is.EqualTo(new[] { "statmgr: mail program </usr/ucb/Mail-not-here> does not exist; reports will not be mailed\n" }));
    }

    [Test]
    public void ASiteThatMailsNobodyHearsNothingAboutAMissingProgram()
    {
        var choice = MailTransportFactory.Choose(MailSettings.FromConfig(new StatmgrConfig()), _clock, "");

        Assert.That(choice.Transport, Is.Null);
        Assert.That(choice.Notices, Is.Empty);
    }

    private static StatmgrConfig Config()
    {
        var config = new StatmgrConfig();
        config.MailRecipients.Add("ops@example.org");
        return config;
    }
}
