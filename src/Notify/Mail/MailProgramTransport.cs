using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Statmgr.Notify.Mail;

/// <summary>
/// The legacy Unix path: runs the mail program directly, never through a shell, as
/// <c>program -s Subject recipient</c> with MsgPrefix, the report and MsgSuffix on its standard
/// input, so nothing in a report can be taken for a command (B12 fixed). Unlike C, the exit status
/// counts: 75 (EX_TEMPFAIL) is retried, any other non-zero status is final.
/// The program is contained: its stdout and stderr go to statmgr (see <see cref="MailProgramOutput"/>),
/// never to statmgr's console; it runs in a process group of its own (started through
/// <c>setsid</c>), and when it overruns SmtpTimeout the whole group is killed, children that left
/// its process tree included.
/// </summary>
internal sealed partial class MailProgramTransport : IMailTransport
{
    /// <summary>sysexits.h EX_TEMPFAIL: the mail program's own "try again later".</summary>
    public const int TemporaryFailureStatus = 75;

    /// <summary>
    /// The util-linux (or BusyBox) program that starts the mail program as leader of a new session
    /// and so of a new process group whose id is its pid. .NET cannot start a process in a group
    /// of its own; setsid does it without a shell and keeps the pid (statmgr's child is never a
    /// group leader, so setsid has no need to fork).
    /// </summary>
    public const string GroupLauncher = "setsid";

    private const int SigKill = 9;

    private readonly string _program;
    private readonly MailSettings _settings;
    private readonly TimeProvider _time;
    private readonly string? _launcher;

    public MailProgramTransport(string program, MailSettings settings, TimeProvider time)
    {
        _program = program;
        _settings = settings;
        _time = time;
        // Without setsid the program still runs, in statmgr's group; a stop then kills its process tree.
        _launcher = OperatingSystem.IsWindows()
            ? null
            : MailProgramLocator.Locate(GroupLauncher, Environment.GetEnvironmentVariable("PATH"), out _);
    }

    public string Description => $"mail program {_program}";

    public async Task<MailOutcome> DeliverAsync(string recipient, string reportText, CancellationToken cancellationToken)
    {
        // Through setsid a program that cannot be run would only show as setsid's exit status.
        if (MailProgramLocator.Unusable(_program) is { } unusable)
        {
            return MailOutcome.Transient($"mail program <{_program}> could not be started: it {unusable}");
        }
        using var process = new Process { StartInfo = StartInfo(recipient) };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            return MailOutcome.Transient($"mail program <{_program}> could not be started: {ex.Message}");
        }
        using var stdout = new MailProgramOutput(process.StandardOutput.BaseStream);
        using var stderr = new MailProgramOutput(process.StandardError.BaseStream);

        // The program gets SmtpTimeout to take the message, so a stuck one cannot stall the queue.
        using var deadline = new CancellationTokenSource(_settings.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            await WriteInputAsync(process, _settings.ComposeBody(reportText), linked.Token).ConfigureAwait(false);
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            StopQuietly(process);
            var why = cancellationToken.IsCancellationRequested
                ? $"mail program <{_program}> stopped: cancelled"
                : $"mail program <{_program}> did not finish within {_settings.TimeoutText} and was stopped";
            return MailOutcome.Transient(why + Tails(stdout, stderr));
        }

        var status = process.ExitCode;
        if (status == 0)
        {
            // Delivered: what it printed does not matter, and a child it left behind (a sendmail
            // finishing the delivery, say) may keep the output open, so nothing waits for its end.
            return MailOutcome.Delivered($"mail program <{_program}> exited with status 0");
        }
        await WaitForOutputsAsync(stdout, stderr, linked.Token).ConfigureAwait(false);
        var answer = $"mail program <{_program}> exited with status {status.ToString(CultureInfo.InvariantCulture)}" + Tails(stdout, stderr);
        return status == TemporaryFailureStatus ? MailOutcome.Transient(answer) : MailOutcome.Permanent(answer);
    }

    private ProcessStartInfo StartInfo(string recipient)
    {
        var start = new ProcessStartInfo(_launcher ?? _program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (_launcher is not null)
        {
            // A full path, so that setsid can never read the program's name as one of its options.
            start.ArgumentList.Add(Path.GetFullPath(_program));
        }
        start.ArgumentList.Add("-s");
        start.ArgumentList.Add(MailTextEncoding.Readable(_settings.Subject));
        start.ArgumentList.Add(recipient);
        return start;
    }

    /// <summary>"; stdout: …; stderr: …" for the outputs that said something, else "".</summary>
    private static string Tails(MailProgramOutput stdout, MailProgramOutput stderr)
    {
        var text = "";
        if (stdout.Tail() is { Length: > 0 } said)
        {
            text += "; stdout: " + said;
        }
        if (stderr.Tail() is { Length: > 0 } complained)
        {
            text += "; stderr: " + complained;
        }
        return text;
    }

    /// <summary>Lets a failed program's last words arrive, within what is left of its deadline.</summary>
    private static async Task WaitForOutputsAsync(MailProgramOutput stdout, MailProgramOutput stderr, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(stdout.Ended, stderr.Ended).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A child still holds an output open; the tail so far will do.
        }
    }

    private static async Task WriteInputAsync(Process process, string body, CancellationToken cancellationToken)
    {
        var input = process.StandardInput.BaseStream;
        try
        {
            await input.WriteAsync(MailTextEncoding.OriginalBytes(body), cancellationToken).ConfigureAwait(false);
            await input.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The program closed its input early; its exit status says whether it minded.
        }
        finally
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Same as above: a closed pipe is the program's business.
            }
        }
    }

    private void StopQuietly(Process process)
    {
        if (_launcher is not null)
        {
            // The group's id is the program's pid; the kill reaches children that left its tree.
            _ = NativeKill(-process.Id, SigKill);
        }
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // It ended on its own meanwhile.
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int NativeKill(int pid, int signal);
}
