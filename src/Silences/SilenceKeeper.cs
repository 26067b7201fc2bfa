using Statmgr.Config;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Silences;

/// <summary>
/// The main loop's side of the silences: which are in force, decided on the loop's own clock from
/// the latest list the watcher published (taken, never read from the file here). A silence is in
/// force from the second the loop first sees it until its <c>until</c> second (expired) or until it
/// is gone from the file (lifted); each start and end is logged. It outlives a reload: silences
/// name modules by modName and are matched when a report is made, so a rebuilt module table
/// finds them as they were.
/// </summary>
internal sealed class SilenceKeeper
{
    private readonly SilencesWatcher _watcher;
    private readonly ILogit _logit;
    private readonly List<Silence> _inForce = new();
    private readonly List<Silence> _ended = new();
    private IReadOnlyList<Silence>? _taken;
    private long _lastSecond = long.MinValue;

    public SilenceKeeper(SilencesWatcher watcher, ILogit logit)
    {
        _watcher = watcher;
        _logit = logit;
    }

    /// <summary>The silences in force, in the order they were first seen.</summary>
    public IReadOnlyList<Silence> InForce => _inForce;

    /// <summary>The earliest second at which a silence in force expires, or null.</summary>
    public long? NextEndSecond
    {
        get
        {
            long? next = null;
            for (var i = 0; i < _inForce.Count; i++)
            {
                long until = _inForce[i].UntilSecond;
                if (next is null || until < next)
                {
                    next = until;
                }
            }
            return next;
        }
    }

    /// <summary>
    /// The loop, at every pass: on the first pass of a second, takes the latest list and ends and
    /// starts silences. Returns those that ended now (empty on most passes; valid until the next call).
    /// </summary>
    public IReadOnlyList<Silence> Tick(long now)
    {
        _ended.Clear();
        if (now == _lastSecond)
        {
            return _ended;
        }
        _lastSecond = now;
        var latest = _watcher.Latest;
        bool changed = !ReferenceEquals(latest, _taken);
        for (var i = 0; i < _inForce.Count; i++)
        {
            var silence = _inForce[i];
            var inFile = changed ? Find(latest, silence.Id) : silence;
            string? end = now >= silence.UntilSecond ? "expired" : inFile is null ? "lifted" : null;
            if (end is null)
            {
                // A hand edit may move its end; the id stays the silence's.
                _inForce[i] = inFile!;
                continue;
            }
            _inForce.RemoveAt(i--);
            _ended.Add(silence);
            _logit.Write("et", $"statmgr: silence #{silence.Id} of {silence.Subject} ended ({end})\n");
        }
        if (changed)
        {
            _taken = latest;
            for (var i = 0; i < latest.Count; i++)
            {
                var silence = latest[i];
                if (now < silence.UntilSecond && Find(_inForce, silence.Id) is null && Find(_ended, silence.Id) is null)
                {
                    _inForce.Add(silence);
                    _logit.Write("et", $"statmgr: {silence.Describe()}\n");
                }
            }
        }
        return _ended;
    }

    /// <summary>
    /// The silence in force over the module named <paramref name="modName"/> (never ask for
    /// statmgr's own): of several, the one that lasts longest, then the oldest.
    /// </summary>
    public Silence? Covering(string modName)
    {
        Silence? best = null;
        for (var i = 0; i < _inForce.Count; i++)
        {
            var silence = _inForce[i];
            if (silence.Covers(modName) && (best is null || silence.Until > best.Until || (silence.Until == best.Until && silence.Id < best.Id)))
            {
                best = silence;
            }
        }
        return best;
    }

    /// <summary>The silence in force over <paramref name="descriptor"/>'s reports; statmgr's own (<paramref name="own"/>) never has one.</summary>
    public Silence? For(Descriptor descriptor, Descriptor own) => ReferenceEquals(descriptor, own) ? null : Covering(descriptor.ModName);

    private static Silence? Find(IReadOnlyList<Silence> silences, int id)
    {
        for (var i = 0; i < silences.Count; i++)
        {
            if (silences[i].Id == id)
            {
                return silences[i];
            }
        }
        return null;
    }
}
