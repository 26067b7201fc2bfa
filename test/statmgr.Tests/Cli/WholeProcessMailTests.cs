using System.Diagnostics;
using System.Text;
using Statmgr.Earthworm.Transport;
using Statmgr.Tests.Config;
using Statmgr.Tests.Monitor.EndToEnd;
using Statmgr.Tests.Notify.Mail;

namespace Statmgr.Tests.Cli;

/// <summary>
/// Mail from statmgr run as a separate process: <c>--test-mail</c> as an operator runs it, through a
/// STARTTLS relay with AUTH whose certificate only SmtpCaFile trusts and through a legacy mail
/// program; a death mailed past a relay that answers one byte a second; a mail program that floods
/// its output and leaves a child behind; the mail warnings of <c>--check</c>. `make test` runs these
/// once more against the published, trimmed binary (STATMGR_EXE), so the TLS and process paths are
/// proven to survive trimming.
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
        Fixture.Write("smtp.password", "s3cret$(x)\n", "600");
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

    [Test]
    public async Task ModuleDeadIsMailedPastARelayAnsweringOneByteASecondWithinTheDeadline()
    {
        const int deadline = 3;
        await using var slow = new SlowSmtpRelay();
        await using var sink = new TestSmtpServer();
        await sink.StartAsync();
        using var site = new StatmgrSite();
        site.WriteConfig(pickTsec: 3);
        File.AppendAllText(Path.Combine(site.ParamsDirectory, "statmgr.d"),
            "mail         ops@example.org\n"
            + $"MailServer   {slow.Address}\n"
            + $"MailServer   {sink.Address}\n"
            + $"SmtpTimeout  {deadline}\n"
            + "From         statmgr@ewhost.example\n");
        File.WriteAllText(Path.Combine(site.ParamsDirectory, "pick_ew.desc"),
            "modName  pick_ew\nmodId    MOD_PICK_EW\ninstId   INST_MENLO\ntsec: 3  page: 0  mail: 9\n");
        var ring = site.CreateRing("STATUS_RING", site.StatusKey);
        site.StartStatmgr();
        site.WaitForLog("ewhost/statmgr Program starting. Page sent.\n", TimeSpan.FromSeconds(60));

        using var module = site.StartModule(site.StatusKey, StatmgrSite.ModPick, 500, 1500);
        site.WaitForLog("ewhost/pick_ew (MOD_PICK_EW) module dead Mail sent.\n", TimeSpan.FromSeconds(30));
        var reported = Stopwatch.StartNew();
        while (!sink.Received.Any(m => Encoding.ASCII.GetString(m.Data).Contains("module dead", StringComparison.Ordinal)))
        {
            Assert.That(reported.Elapsed, Is.LessThan(TimeSpan.FromSeconds(deadline + 5)),
                $"the death's mail did not reach the second relay within the deadline + 5 s:\n{site.Messages()}");
            await Task.Delay(20);
        }
        TestContext.Out.WriteLine($"\"module dead\" mail reached the second relay {reported.ElapsedMilliseconds} ms after the report (SmtpTimeout {deadline} s)");

        Assert.That(slow.Connections, Is.EqualTo(1), "the slow relay was tried first");
        site.WaitForLog($"statmgr: mail to ops@example.org retrying with the next MailServer; server answer: {slow.Address}: did not finish within {deadline} s; "
                        + "report: UTC_", TimeSpan.FromSeconds(5));
        ring.SetFlag(RingFlag.Terminate);
        Assert.That(site.WaitForExit(TimeSpan.FromSeconds(20)), Is.EqualTo(0));
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task AMailProgramsFloodStaysOutOfStatmgrsOutputAndItsLingeringChildDiesWithIt()
    {
        // The child escapes the program's process tree (its parent subshell exits at once) but not its group.
        var pidFile = Fixture.PathOf("lingering.pid");
        var program = Fixture.Write("flooding-mail",
            "#!/bin/sh\n"
            + $"( (head -c 1000000 /dev/zero | tr '\\0' y; exec sleep 300) & echo $! > '{pidFile}' )\n"
            + "exec sleep 300\n");
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Fixture.Write("statmgr.d", ConfigTexts.Minimal(Fixture, "mail ops@example.org", $"MailProgram {program}", "SmtpTimeout 2"));
        Fixture.Write("statmgr.desc", ConfigTexts.StatmgrDesc);

        using var statmgr = ChildProgram.Start(StatmgrProcess.StartInfo(Fixture.Directory, ShellEnvironment, "--test-mail", "statmgr.d"));
        var stdout = ReadBoundedAsync(statmgr.StandardOutput.BaseStream);
        var stderr = statmgr.StandardError.ReadToEndAsync();
        bool lingered;
        try
        {
            Assert.That(statmgr.WaitForExit(30_000), Is.True, "statmgr --test-mail did not end");
            var child = int.Parse(File.ReadAllText(pidFile), System.Globalization.CultureInfo.InvariantCulture);
            var watch = Stopwatch.StartNew();
            while (StillRunning(child) && watch.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(20);
            }
            lingered = StillRunning(child);
        }
        finally
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile), out var pid) && StillRunning(pid))
            {
                Process.GetProcessById(pid).Kill();
            }
        }
        var (bytes, head) = await stdout.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(lingered, Is.False, "the mail program's child outlived the kill");
        Assert.That(bytes, Is.LessThan(4096), "the mail program's output reached statmgr's own");
        Assert.That(head, Does.StartWith($"mail to ops@example.org: FAILED (not reached): mail program <{program}> did not finish within 2 s and was stopped; stdout: yyy"));
        Assert.That(await stderr, Is.Empty);
    }

    [Test]
    public void CheckWarnsOfAPasswordFileEveryUserCanReadAtItsOwnLine()
    {
        Fixture.Write("smtp.password", "s3cret\n", "644");
        Fixture.Write("statmgr.desc", ConfigTexts.StatmgrDesc);
        Fixture.Write("statmgr.d", ConfigTexts.Minimal(
            Fixture,
            "mail             ops@example.org",
            "MailServer       127.0.0.1:25",
            "SmtpUser         ewmail",
            "SmtpPasswordFile smtp.password",
            "From             statmgr@samplehost.example"));

        var outcome = RunStatmgr("--check", "statmgr.d");

        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.Stdout + outcome.Stderr);
        Assert.That(outcome.Stdout, Does.EndWith(
            "---------------------------------------------------\n"
            + "statmgr.d:11: warning: statmgr: SmtpPasswordFile <smtp.password> can be read by every user (mode 644)\n"));
    }

    /// <summary>How many bytes a stream gives until its end, and the first 4 KB of them as text.</summary>
    private static async Task<(long Bytes, string Head)> ReadBoundedAsync(Stream stream)
    {
        var buffer = new byte[65536];
        var head = new MemoryStream();
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            head.Write(buffer, 0, (int)Math.Min(read, Math.Max(0, 4096 - head.Length)));
            total += read;
        }
        return (total, Encoding.Latin1.GetString(head.ToArray()));
    }

    /// <summary>True while the process exists and is not a zombie waiting to be reaped.</summary>
    private static bool StillRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z') == false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
