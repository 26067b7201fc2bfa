using System.Globalization;

namespace Statmgr.Earthworm.Logging;

/// <summary>Names of logit's daily files: <c>&lt;program&gt;_YYYYMMDD.log</c>, dated in UTC.</summary>
internal static class LogFileName
{
    public static string For(string programName, DateTimeOffset time) =>
        programName + "_" + DateStamp(time) + ".log";

    /// <summary>The UTC date as <c>YYYYMMDD</c>, used in file names and in the <c>t</c> prefix.</summary>
    public static string DateStamp(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{utc.Year:D4}{utc.Month:D2}{utc.Day:D2}");
    }

    /// <summary>
    /// The log directory as logit uses it (C's <c>ew_addslash</c>): the platform separator is added
    /// unless the value is empty or already ends with one; an empty EW_LOG means the current directory.
    /// </summary>
    public static string Directory(string ewLog)
    {
        ArgumentNullException.ThrowIfNull(ewLog);
        var separator = Path.DirectorySeparatorChar;
        return ewLog.Length == 0 || ewLog.EndsWith(separator) ? ewLog : ewLog + separator;
    }
}
