namespace Statmgr.Earthworm.Logging;

/// <summary>
/// The name logit gives a program: its configuration file name without directory and without
/// anything from the first dot on, at most 49 characters (C's 50-byte buffer). It names the log
/// file and the banner.
/// </summary>
internal static class LogProgramName
{
    public const int MaxLength = 49;

    public static string FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path.AsSpan();
        // Both separators are honoured on every platform, as the C library does.
        name = name[(name.LastIndexOf('/') + 1)..];
        name = name[(name.LastIndexOf('\\') + 1)..];
        var dot = name.IndexOf('.');
        if (dot >= 0)
        {
            name = name[..dot];
        }

        if (name.Length > MaxLength)
        {
            name = name[..MaxLength];
        }

        return name.ToString();
    }
}
