using System.Collections.Concurrent;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests.Notify.Mail;

/// <summary>Keeps every logit call (flags, text) for exact comparison; safe for the mail sender's thread.</summary>
internal sealed class RecordingLogit : ILogit
{
    private readonly ConcurrentQueue<(string Flags, string Text)> _lines = new();

    public IReadOnlyList<(string Flags, string Text)> Lines => _lines.ToArray();

    public IReadOnlyList<string> Texts => _lines.Select(l => l.Text).ToArray();

    public void Write(string flags, string text) => _lines.Enqueue((flags, text));
}
