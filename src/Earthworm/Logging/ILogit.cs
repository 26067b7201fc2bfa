namespace Statmgr.Earthworm.Logging;

/// <summary>
/// The Earthworm <c>logit(flags, text)</c> call. Flags: <c>t</c> time prefix, <c>d</c> pid prefix,
/// <c>e</c> echo to stderr, <c>o</c> echo to stdout; other letters are ignored. The text is written
/// exactly as given: no newline is added, because C callers supply their own.
/// </summary>
internal interface ILogit
{
    void Write(string flags, string text);
}
