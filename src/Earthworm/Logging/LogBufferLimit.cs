namespace Statmgr.Earthworm.Logging;

/// <summary>
/// logit's fixed line buffer: <c>bufSize</c> bytes including C's terminating NUL. A line of
/// <c>bufSize - 1</c> characters fits; one of exactly <c>bufSize</c> silently loses its last character;
/// a longer one is reported as too large and kept as its first <c>bufSize - 2</c> characters plus a
/// newline.
/// </summary>
internal static class LogBufferLimit
{
    /// <summary>Cuts <paramref name="line"/> to what C would write; <paramref name="tooLarge"/> asks for the notice.</summary>
    public static string Apply(string line, int bufferSize, out bool tooLarge)
    {
        tooLarge = line.Length > bufferSize;
        if (line.Length < bufferSize)
        {
            return line;
        }

        if (!tooLarge)
        {
            return line[..(bufferSize - 1)];
        }

        return string.Concat(line.AsSpan(0, Math.Max(0, bufferSize - 2)), "\n");
    }

    /// <summary>The two-line notice written before a line that does not fit.</summary>
    public static string Notice(string fileNameTemplate, int bufferSize, int lineLength) =>
        FormattableString.Invariant(
            $"logit({fileNameTemplate}): ERROR!!! Attempting to log too large of a message!!!\n  Logit buffer is {bufferSize} bytes, message is {lineLength} bytes!\n");
}
