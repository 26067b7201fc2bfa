using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Statmgr.Notify.Mail;

/// <summary>
/// The legacy Unix path: runs the mail program directly, never through a shell, as
/// <c>program -s Subject recipient</c> with MsgPrefix, the report and MsgSuffix on its standard
/// input, so nothing in a report can be taken for a command (B12 fixed). Unlike C, the exit status
/// counts: 75 (EX_TEMPFAIL) is retried, any other non-zero status is final.
/// </summary>
internal sealed class MailProgramTransport : IMailTransport
{
    /// <summary>sysexits.h EX_TEMPFAIL: the mail program's own "try again later".</summary>
    public const int TemporaryFailureStatus = 75;

    private readonly string _program;
    private readonly MailSettings _settings;
    private readonly TimeProvider _time;

    public MailProgramTransport(string program, MailSettings settings, TimeProvider time)
    {
        _program = program;
        _settings = settings;
        _time = time;
    }

    public string Description => $"mail program {_program}";

    public async Task<MailOutcome> DeliverAsync(string recipient, string reportText, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add("-s");
        start.ArgumentList.Add(MailTextEncoding.Readable(_settings.Subject));
        start.ArgumentList.Add(recipient);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            return MailOutcome.Transient($"mail program <{_program}> could not be started: {ex.Message}");
        }

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
            return MailOutcome.Transient(cancellationToken.IsCancellationRequested
                ? $"mail program <{_program}> stopped: cancelled"
                : $"mail program <{_program}> did not finish within {_settings.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s and was stopped");
        }

        var status = process.ExitCode;
        if (status == 0)
        {
            return MailOutcome.Delivered($"mail program <{_program}> exited with status 0");
        }
        var answer = $"mail program <{_program}> exited with status {status.ToString(CultureInfo.InvariantCulture)}";
        return status == TemporaryFailureStatus ? MailOutcome.Transient(answer) : MailOutcome.Permanent(answer);
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

    private static void StopQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // It ended on its own meanwhile.
        }
    }
}
