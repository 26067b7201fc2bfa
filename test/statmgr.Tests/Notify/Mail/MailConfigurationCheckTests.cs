using Statmgr.Config;
using Statmgr.Notify.Mail;

namespace Statmgr.Tests.Notify.Mail;

[Platform("Linux,MacOsX")]
public class MailConfigurationCheckTests : MailTestBase
{
    private readonly List<string> _lookedUp = new();

    [Test]
    public void AGoodSmtpConfigurationHasNoProblem()
    {
        var config = Config("relay.example.org:587", "127.0.0.1");
        config.From = "Earthworm <ew@example.org>";
        config.SmtpUser = "ewmail";
        config.SmtpPasswordFile = Temp.Write("password", "secret\n", "600");

        Assert.That(Texts(config), Is.Empty);
        Assert.That(_lookedUp, Is.EqualTo(new[] { "relay.example.org" }), "an IP address needs no lookup");
    }

    [Test]
    public void EverySmtpProblemIsReportedWithoutThePassword()
    {
        var config = Config("nowhere.invalid", "relay.example.org:0");
        config.MailProgram = "/usr/ucb/Mail";
        config.From = "not an address <";
        config.SmtpUser = "ewmail";
        config.SmtpPasswordFile = Temp.PathOf("missing-password");
        config.SmtpCaFile = Temp.Write("ca.pem", "TopSecretText\n", "644");

        var problems = Texts(config);

        Assert.That(problems, Is.EqualTo(new[]
        {
            "MailServer <nowhere.invalid> cannot be resolved: Name or service not known",
            "MailServer <relay.example.org:0>: port must be a number from 1 to 65535",
            "MailProgram </usr/ucb/Mail> is ignored because MailServer is set",
            "From <not an address <> is not a mail address",
            $"SmtpPasswordFile <{Temp.PathOf("missing-password")}> cannot be read: Could not find file '{Temp.PathOf("missing-password")}'.",
            $"SmtpCaFile <{Temp.PathOf("ca.pem")}> cannot be read: holds no certificate",
        }));
    }

    [Test]
    public void AFifoAsPasswordOrCaFileIsRefusedWithoutWaitingForAWriter()
    {
        var config = Config("127.0.0.1");
        config.SmtpUser = "ewmail";
        config.SmtpPasswordFile = MakeFifo("password");
        config.SmtpCaFile = MakeFifo("ca.pem");

        var check = Task.Run(() => Texts(config));

        Assert.That(check.Wait(TimeSpan.FromSeconds(10)), Is.True, "--check waits on a pipe nobody writes to");
        Assert.That(check.Result, Is.EqualTo(new[]
        {
            $"SmtpPasswordFile <{config.SmtpPasswordFile}> cannot be read: not a regular file (FIFO)",
            $"SmtpCaFile <{config.SmtpCaFile}> cannot be read: not a regular file (FIFO)",
        }));
    }

    [Test]
    public void SmtpUserWithoutPasswordFileIsReported()
    {
        var config = Config("127.0.0.1");
        config.SmtpUser = "ewmail";

        Assert.That(Texts(config), Is.EqualTo(new[] { "SmtpUser <ewmail> is set but SmtpPasswordFile is not" }));
    }

    [Test]
    public void AReadablePasswordFileNeverShowsUp()
    {
        var config = Config("127.0.0.1");
        config.SmtpUser = "ewmail";
        config.SmtpPasswordFile = Temp.Write("password", "Hunter2Secret\n", "600");
        config.SmtpCaFile = Temp.PathOf("missing-ca.pem");

        var problems = Texts(config);

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems, Has.None.Contains("Hunter2Secret"));
    }

    [Test]
    public void AMailProgramThatIsMissingOrNotExecutableIsReported()
    {
        var notExecutable = Temp.Write("mailx", "#!/bin/sh\n", "644");
        var missing = Config();
        missing.MailProgram = Temp.PathOf("no-mail");
        var plain = Config();
        plain.MailProgram = notExecutable;
        var directory = Config();
        directory.MailProgram = Temp.Directory;

        Assert.That(Texts(missing), Is.EqualTo(new[] { $"MailProgram <{Temp.PathOf("no-mail")}> does not exist" }));
        Assert.That(Texts(plain), Is.EqualTo(new[] { $"MailProgram <{notExecutable}> is not executable" }));
        Assert.That(Texts(directory), Is.EqualTo(new[] { $"MailProgram <{Temp.Directory}> is a directory" }));
    }

    [Test]
    public void AnExecutableMailProgramHasNoProblem()
    {
        var config = Config();
        config.MailProgram = Temp.Write("mailx", "#!/bin/sh\n", "755");

        Assert.That(Texts(config), Is.Empty);
    }

    [Test]
    public void NoMailOnPathIsReportedOnlyWhenSomebodyIsToBeMailed()
    {
        Assert.That(Texts(Config()), Is.EqualTo(new[]
        {
            "no MailServer or MailProgram set and no program <mail> on PATH: reports will not be mailed",
        }));
        Assert.That(Texts(new StatmgrConfig()), Is.Empty);
    }

    [Test]
    public void TheRealResolverFindsLocalhost()
    {
        var config = Config("localhost:25");

        Assert.That(new MailConfigurationCheck().Check(config), Is.Empty);
    }

    /// <summary>The texts of the check's problems, in order.</summary>
    private List<string> Texts(StatmgrConfig config) => Check().Check(config).Select(p => p.Text).ToList();

    private MailConfigurationCheck Check() =>
        new(host =>
        {
            _lookedUp.Add(host);
            return host.EndsWith(".invalid", StringComparison.Ordinal) ? "Name or service not known" : null;
        }, Temp.Directory);

    private static StatmgrConfig Config(params string[] servers)
    {
        var config = new StatmgrConfig();
        config.MailServers.AddRange(servers);
        config.MailRecipients.Add("ops@example.org");
        return config;
    }
}
