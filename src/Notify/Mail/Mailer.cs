using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Status;

namespace Statmgr.Notify.Mail;

/// <summary>
/// The one mail sink of a whole run, which a reload re-points. It owns the run's queue, made with
/// the first way of mailing there is (so a run with no mail path never starts a sender, as
/// before). A reload whose mail settings differ chooses the way of mailing again, with the same
/// notices as a start: a new way carries every message already queued from its next attempt on;
/// with no way at all the queue keeps the old one for what it holds, and new reports are not
/// mailed. A reload that leaves the mail settings alone changes nothing and logs nothing.
/// </summary>
internal sealed class Mailer : IMailSink, IAsyncDisposable
{
    private static readonly MailStatus NothingMailed = new(0, 0, 0, 0);

    private readonly object _gate = new();
    private readonly Func<MailSettings, IMailTransport?> _choose;
    private readonly Func<IMailTransport, MailQueue> _makeQueue;
    private MailSettings _settings;
    private MailQueue? _queue;
    private volatile bool _hasMailPath;

    /// <param name="choose">Picks the way of mailing and logs what it has to say about the choice.</param>
    /// <param name="makeQueue">Makes the run's queue around the first way of mailing.</param>
    public Mailer(MailSettings settings, Func<MailSettings, IMailTransport?> choose, Func<IMailTransport, MailQueue> makeQueue)
    {
        _settings = settings;
        _choose = choose;
        _makeQueue = makeQueue;
        Use(choose(settings));
    }

    /// <summary>The run's mailer for a loaded configuration, choosing and logging as a start always has.</summary>
    public static Mailer ForRun(StatmgrConfig config, ILogit logit, TimeProvider time) =>
        new(MailSettings.FromConfig(config),
            settings => MailTransportFactory.Create(settings, logit, time),
            transport => new MailQueue(transport, logit, time));

    public bool HasMailPath => _hasMailPath;

    public MailStatus Counts => Volatile.Read(ref _queue)?.Counts ?? NothingMailed;

    public void Send(MailRequest request)
    {
        if (_hasMailPath)
        {
            Volatile.Read(ref _queue)?.Send(request);
        }
    }

    /// <summary>
    /// Takes a reloaded configuration's mail settings for every report from now on and returns this
    /// sink. It may look for a mail program on PATH, so it belongs off the main loop.
    /// </summary>
    public IMailSink Reload(StatmgrConfig config) => Reload(MailSettings.FromConfig(config));

    internal IMailSink Reload(MailSettings settings)
    {
        lock (_gate)
        {
            var previous = _settings;
            _settings = settings;
            // Recipients matter to the choice only where there is no way of mailing: a site that
            // mailed nobody heard nothing about it, and must hear it once it names somebody.
            var newlyMailing = !_hasMailPath && previous.Recipients.Count == 0 && settings.Recipients.Count > 0;
            if (!settings.MailsLike(previous) || newlyMailing)
            {
                Use(_choose(settings));
            }
        }
        return this;
    }

    /// <summary>Shutdown: see <see cref="MailQueue.DrainAsync"/>; nothing to do when nothing was ever mailable.</summary>
    public Task DrainAsync(TimeSpan limit) => Volatile.Read(ref _queue)?.DrainAsync(limit) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => Volatile.Read(ref _queue)?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>For tests: see <see cref="MailQueue.WhenIdleAsync"/>.</summary>
    internal Task WhenIdleAsync() => Volatile.Read(ref _queue)?.WhenIdleAsync() ?? Task.CompletedTask;

    private void Use(IMailTransport? transport)
    {
        if (transport is not null)
        {
            if (_queue is null)
            {
                Volatile.Write(ref _queue, _makeQueue(transport));
            }
            else
            {
                _queue.UseTransport(transport);
            }
        }
        _hasMailPath = transport is not null;
    }
}
