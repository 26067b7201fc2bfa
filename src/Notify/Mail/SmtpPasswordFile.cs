using Statmgr.Earthworm.Kom;

namespace Statmgr.Notify.Mail;

/// <summary>
/// Reads the SMTP password: the first line of SmtpPasswordFile, line terminator removed. The
/// password is never put in a message, an answer or an exception text. Only a regular file is
/// opened, so a FIFO or a device named there cannot stall the sender, <c>--check</c> or <c>--test-mail</c>.
/// </summary>
internal static class SmtpPasswordFile
{
    public static string? TryRead(string path, out string? problem)
    {
        problem = null;
        try
        {
            using var handle = RegularFile.Open(path, out problem);
            if (problem is not null)
            {
                return null;
            }
            // No handle and no refusal: missing or forbidden, and the framework's open says which.
            using var reader = new StreamReader(handle is null ? File.OpenRead(path) : new FileStream(handle, FileAccess.Read));
            return reader.ReadLine() ?? "";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The framework's texts name the path and the cause, never the content.
            problem = ex.Message;
            return null;
        }
    }

    /// <summary>
    /// The warning for a password file every user of the machine can read (no trailing newline,
    /// no "statmgr: " prefix), or null when it is not such a file or cannot be examined.
    /// </summary>
    public static string? ExposureWarning(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        UnixFileMode mode;
        try
        {
            mode = File.GetUnixFileMode(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Missing or hidden: the read itself reports that.
            return null;
        }
        if ((mode & UnixFileMode.OtherRead) == 0)
        {
            return null;
        }
        var octal = Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');
        return $"SmtpPasswordFile <{path}> can be read by every user (mode {octal})";
    }
}
