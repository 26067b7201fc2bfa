using System.Globalization;
using Statmgr.Config;

namespace Statmgr.Notify.Mail;

/// <summary>
/// <c>statmgr --test-mail</c>: mails one test message through the configured path to every
/// configured recipient, at once and without retries, and prints one line per delivery.
/// </summary>
internal sealed class MailTestSender
{
    private readonly TimeProvider _time;
    private readonly TextWriter _output;

    public MailTestSender(TimeProvider time, TextWriter output)
    {
        _time = time;
        _output = output;
    }

    /// <summary>The test text (a report-like line ending in a newline).</summary>
    public static string MessageText(string sysName, DateTimeOffset now) =>
        $"statmgr test message from {sysName} at {now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC\n";

    /// <summary>Returns the exit status: 0 only when every recipient's message was delivered.</summary>
    public async Task<int> RunAsync(StatmgrConfig config, string sysName, CancellationToken cancellationToken = default)
    {
        var settings = MailSettings.FromConfig(config);
        var choice = MailTransportFactory.Choose(settings, _time);
        foreach (var notice in choice.Notices)
        {
            await _output.WriteAsync(notice).ConfigureAwait(false);
        }
        if (settings.Recipients.Count == 0)
        {
            await _output.WriteAsync("statmgr: no mail recipients in the configuration; no test message sent\n").ConfigureAwait(false);
            return 1;
        }
        if (choice.Transport is null)
        {
            await _output.WriteAsync("statmgr: no way to send mail; no test message sent\n").ConfigureAwait(false);
            return 1;
        }

        var text = MessageText(sysName, _time.GetUtcNow());
        var failed = 0;
        foreach (var recipient in settings.Recipients)
        {
            var outcome = await choice.Transport.DeliverAsync(recipient, text, cancellationToken).ConfigureAwait(false);
            var line = outcome.Kind == MailOutcomeKind.Delivered
                ? $"mail to {recipient}: delivered: {outcome.Answer}\n"
                : $"mail to {recipient}: FAILED ({(outcome.Kind == MailOutcomeKind.Permanent ? "refused" : "not reached")}): {outcome.Answer}\n";
            if (outcome.Kind != MailOutcomeKind.Delivered)
            {
                failed++;
            }
            await _output.WriteAsync(line).ConfigureAwait(false);
        }
        return failed == 0 ? 0 : 1;
    }
}
