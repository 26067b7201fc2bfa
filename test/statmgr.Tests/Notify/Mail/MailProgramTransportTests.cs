using System.Diagnostics;
using System.Text;
using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Notify;
using Statmgr.Notify.Mail;

namespace Statmgr.Tests.Notify.Mail;

[CancelAfter(20_000)]
[Platform("Linux,MacOsX")]
public class MailProgramTransportTests : MailTestBase
{
    private string _program = null!;

    [SetUp]
    public void SetUp()
    {
        // Records each call's argv (NUL-separated) and standard input, then exits with the status in ./exit.
        _program = Temp.Write("fake-mail",
            "#!/bin/sh\n"
            + $"dir='{Temp.Directory}'\n"
            + "n=$(cat \"$dir/count\" 2>/dev/null || echo 0)\n"
            + "n=$((n+1))\n"
            + "echo \"$n\" > \"$dir/count\"\n"
            + "for a in \"$@\"; do printf '%s\\0' \"$a\"; done > \"$dir/argv.$n\"\n"
            + "cat > \"$dir/stdin.$n\"\n"
            + "if [ -f \"$dir/sleep\" ]; then sleep 30; fi\n"
            + "exit $(cat \"$dir/exit\" 2>/dev/null || echo 0)\n",
            "755");
    }

    [Test]
    public async Task ShellTextInTheReportAndSubjectArrivesByteForByteAndNothingRuns(CancellationToken token)
    {
        var config = new StatmgrConfig
        {
            Subject = $"EW \"alarm\"; $(touch {Temp.PathOf("p1")}) `touch {Temp.PathOf("p2")}`",
            MsgPrefix = $"prefix $(touch {Temp.PathOf("p3")})\n",
            MsgSuffix = $"suffix `touch {Temp.PathOf("p4")}`; echo x",
        };
        var report = "UTC_Tue Mar  5 17:02:11 2024  ewhost/pick_ew say \"hi\"; "
                     + $"$(touch {Temp.PathOf("p5")}) `touch {Temp.PathOf("p6")}`; rm -rf \\ ${{HOME}} 'q'\n Mail sent.\n";
        var transport = new MailProgramTransport(_program, MailSettings.FromConfig(config), TimeProvider.System);

        var outcome = await transport.DeliverAsync($"ops@example.org; touch {Temp.PathOf("p7")}", report, token);

        Assert.That(outcome, Is.EqualTo(MailOutcome.Delivered($"mail program <{_program}> exited with status 0")));
        Assert.That(Arguments(1), Is.EqualTo(new[] { "-s", config.Subject, $"ops@example.org; touch {Temp.PathOf("p7")}" }));
        Assert.That(File.ReadAllBytes(Temp.PathOf("stdin.1")), Is.EqualTo(Encoding.ASCII.GetBytes(config.MsgPrefix + report + config.MsgSuffix + "\n")));
        Assert.That(Directory.GetFiles(Temp.Directory, "p?"), Is.Empty, "a command in the text was run");
    }

    [Test]
    public async Task TheQueueRunsTheProgramOncePerRecipient()
    {
        var config = new StatmgrConfig();
        var log = new CollectingLogit();
        var queue = new MailQueue(new MailProgramTransport(_program, MailSettings.FromConfig(config), TimeProvider.System), log, TimeProvider.System);

        queue.Send(new MailRequest(["a@example.org", "b@example.org"], "UTC_x  ewhost/pick_ew (MOD_PICK_EW) module dead\n"));
        await queue.DrainAsync(MailRetryPolicy.ShutdownDrainLimit);

        Assert.That(Arguments(1), Is.EqualTo(new[] { "-s", "Earthworm Status Message", "a@example.org" }));
        Assert.That(Arguments(2), Is.EqualTo(new[] { "-s", "Earthworm Status Message", "b@example.org" }));
        Assert.That(File.ReadAllText(Temp.PathOf("stdin.2")), Is.EqualTo("UTC_x  ewhost/pick_ew (MOD_PICK_EW) module dead\n\n"));
        Assert.That(log.Entries, Is.Empty);
    }

    [Test]
    public async Task ANonZeroExitStatusIsFinalAndLoggedOnce()
    {
        File.WriteAllText(Temp.PathOf("exit"), "3\n");
        var log = new CollectingLogit();
        var queue = new MailQueue(new MailProgramTransport(_program, MailSettings.FromConfig(new StatmgrConfig()), TimeProvider.System), log, TimeProvider.System);

        queue.Send(new MailRequest(["ops@example.org"], "UTC_x  ewhost/pick_ew text\n Mail sent.\n"));
        await queue.DrainAsync(MailRetryPolicy.ShutdownDrainLimit);

        Assert.That(log.Entries, Is.EqualTo(new[]
        {
            ("et", "statmgr: error sending email\n"),
            ("et", $"statmgr: mail to ops@example.org refused; server answer: mail program <{_program}> exited with status 3; report: UTC_x  ewhost/pick_ew text\n"),
        }));
        Assert.That(File.ReadAllText(Temp.PathOf("count")), Is.EqualTo("1\n"));
    }

    [Test]
    public async Task AFailedProgramsOutputIsKeptAsABoundedTailInTheAnswer(CancellationToken token)
    {
        var noisy = Temp.Write("noisy-mail",
            "#!/bin/sh\n"
            + "cat > /dev/null\n"
            + "head -c 100000 /dev/zero | tr '\\0' x\n"
            + "echo ' end of stdout'\n"
            + "printf 'first\\nthe disk is full\\n' >&2\n"
            + "exit 3\n",
            "755");
        var transport = new MailProgramTransport(noisy, MailSettings.FromConfig(new StatmgrConfig()), TimeProvider.System);

        var outcome = await transport.DeliverAsync("ops@example.org", "report\n", token);

        var stdoutTail = new string('x', MailProgramOutput.TailBytes - " end of stdout\n".Length) + " end of stdout";
        Assert.That(outcome, Is.EqualTo(MailOutcome.Permanent(
            $"mail program <{noisy}> exited with status 3; stdout: {stdoutTail}; stderr: first the disk is full")));
    }

    [Test]
    public async Task ExitStatus75IsTransient(CancellationToken token)
    {
        File.WriteAllText(Temp.PathOf("exit"), "75\n");
        var transport = new MailProgramTransport(_program, MailSettings.FromConfig(new StatmgrConfig()), TimeProvider.System);

        var outcome = await transport.DeliverAsync("ops@example.org", "report\n", token);

        Assert.That(outcome, Is.EqualTo(MailOutcome.Transient($"mail program <{_program}> exited with status 75")));
    }

    [Test]
    public async Task AProgramThatCannotBeStartedIsTransient(CancellationToken token)
    {
        var missing = Temp.PathOf("no-such-mail");
        var transport = new MailProgramTransport(missing, MailSettings.FromConfig(new StatmgrConfig()), TimeProvider.System);

        var outcome = await transport.DeliverAsync("ops@example.org", "report\n", token);

        Assert.That(outcome.Kind, Is.EqualTo(MailOutcomeKind.Transient));
        Assert.That(outcome.Answer, Does.StartWith($"mail program <{missing}> could not be started: "));
    }

    [Test]
    public async Task AProgramThatHangsIsStoppedAfterSmtpTimeout(CancellationToken token)
    {
        File.WriteAllText(Temp.PathOf("sleep"), "");
        var transport = new MailProgramTransport(_program, MailSettings.FromConfig(new StatmgrConfig { SmtpTimeoutSeconds = 1 }), TimeProvider.System);
        var watch = Stopwatch.StartNew();

        var outcome = await transport.DeliverAsync("ops@example.org", "report\n", token);

        Assert.That(outcome, Is.EqualTo(MailOutcome.Transient($"mail program <{_program}> did not finish within 1 s and was stopped")));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    private string[] Arguments(int call)
    {
        var text = File.ReadAllText(Temp.PathOf($"argv.{call}"));
        return text.Split('\0')[..^1];
    }
}
