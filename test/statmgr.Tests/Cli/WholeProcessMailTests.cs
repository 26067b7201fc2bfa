using System.Text;
using Statmgr.Tests.Config;
using Statmgr.Tests.Notify.Mail;

namespace Statmgr.Tests.Cli;

/// <summary>
/// <c>statmgr --test-mail</c> as an operator runs it, as a separate process: through a STARTTLS
/// relay with AUTH whose certificate only SmtpCaFile trusts, and through a legacy mail program.
/// `make test` runs these once more against the published, trimmed binary (STATMGR_EXE), so the
/// TLS and process paths are proven to survive trimming.
/// </summary>
[Category(TestCategory.WholeProcess)]
public class WholeProcessMailTests : WholeProcessTestBase
{
    [Test]
    public async Task TestMailGoesThroughStartTlsWithAuthAndTheCaFromSmtpCaFile()
    {
        using var certificate = TestCertificates.CreateSelfSignedServer();
        await using var server = new TestSmtpServer { Certificate = certificate, RequiredLogin = ("ewmail", "s3cret$(x)") };
        await server.StartAsync();
        TestCertificates.WritePem(certificate, Fixture.PathOf("relay.pem"));
        Fixture.Write("smtp.password", "s3cret$(x)\n");
        Fixture.Write("statmgr.desc", ConfigTexts.StatmgrDesc + "mail  desc-reader@example.org\n");
        Fixture.Write("statmgr.d", ConfigTexts.Minimal(
            Fixture,
            "mail            ops@example.org",
            $"MailServer      {server.Address}",
            "SmtpSecurity    starttls",
            "SmtpUser        ewmail",
            $"SmtpPasswordFile {Fixture.PathOf("smtp.password")}",
            $"SmtpCaFile      {Fixture.PathOf("relay.pem")}",
            "From            statmgr@samplehost.example"));

        var outcome = RunStatmgr("--test-mail", "statmgr.d");

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stdout + outcome.Stderr);
        var lines = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Does.StartWith("mail to ops@example.org: delivered: "));
        Assert.That(lines[1], Does.StartWith("mail to desc-reader@example.org: delivered: "));
        Assert.That(outcome.Stdout + outcome.Stderr, Does.Not.Contain("s3cret"), "the password is never printed");
        Assert.That(server.Received.Select(m => m.RcptTo.Single()), Is.EquivalentTo(new[] { "ops@example.org", "desc-reader@example.org" }));
        Assert.That(server.Received.All(m => m.Secure && m.User == "ewmail"), Is.True);
        Assert.That(Encoding.Latin1.GetString(server.Received[0].Data), Does.Contain("statmgr test message from samplehost at "));
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void TestMailRunsTheMailProgramOncePerRecipientWithoutAShell()
    {
        var record = Fixture.PathOf("record");
        Directory.CreateDirectory(record);
        var program = Fixture.Write("fake-mail",
            "#!/bin/sh\n"
            + $"dir='{record}'\n"
            + "n=$(ls \"$dir\" | wc -l)\n"
            + "for a in \"$@\"; do printf '%s\\0' \"$a\"; done > \"$dir/argv.$n\"\n"
            + "cat > \"$dir/stdin.$n\"\n");
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Fixture.Write("statmgr.d", ConfigTexts.Minimal(
            Fixture,
            "mail            ops@example.org",
            $"MailProgram     {program}",
            "Subject         \"EW $(touch pwned) `id`; status\""));
        Fixture.Write("statmgr.desc", ConfigTexts.StatmgrDesc);

        var outcome = RunStatmgr("--test-mail", "statmgr.d");

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stdout + outcome.Stderr);
        Assert.That(outcome.Stdout, Does.StartWith("mail to ops@example.org: delivered"));
        Assert.That(File.ReadAllText(Path.Combine(record, "argv.0")), Is.EqualTo("-s\0EW $(touch pwned) `id`; status\0ops@example.org\0"));
        Assert.That(File.ReadAllText(Path.Combine(record, "stdin.0")), Does.StartWith("statmgr test message from samplehost at "));
        Assert.That(File.Exists(Fixture.PathOf("pwned")), Is.False, "nothing in the subject was run");
    }
}
