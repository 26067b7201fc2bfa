using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests.Monitor;

/// <summary>Keeps every logit call (flags and text) in order.</summary>
internal sealed class RecordingLogit : ILogit
{
    public List<(string Flags, string Text)> Lines { get; } = new();

    public void Write(string flags, string text) => Lines.Add((flags, text));

    public List<string> Texts => Lines.Select(l => l.Text).ToList();

    public List<string> Containing(string part) => Texts.Where(t => t.Contains(part, StringComparison.Ordinal)).ToList();

    public void Clear() => Lines.Clear();
}
