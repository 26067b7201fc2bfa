namespace Statmgr.Notify.Mail;

/// <summary>
/// Reads the SMTP password: the first line of SmtpPasswordFile, line terminator removed. The
/// password is never put in a message, an answer or an exception text.
/// </summary>
internal static class SmtpPasswordFile
{
    public static string? TryRead(string path, out string? problem)
    {
        problem = null;
        try
        {
            using var reader = new StreamReader(path);
            return reader.ReadLine() ?? "";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The framework's texts name the path and the cause, never the content.
            problem = ex.Message;
            return null;
        }
    }
}
