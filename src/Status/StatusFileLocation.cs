using Statmgr.Config;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Status;

/// <summary>
/// Where the status file is, found the same way by the running statmgr and by <c>--status</c>:
/// without a StatusFile command, next to the log and named after the config file as the log is
/// (<c>$EW_LOG/statmgr_status.json</c> for <c>statmgr.d</c>); <c>StatusFile 0</c> means none;
/// any other value is the path.
/// </summary>
internal static class StatusFileLocation
{
    public const string Suffix = "_status.json";

    /// <summary>StatusFile's value that turns the file off.</summary>
    public const string Off = "0";

    /// <summary>The path, or null when there is no status file (StatusFile 0, or no EW_LOG to put it beside).</summary>
    public static string? Resolve(StatmgrConfig config, Func<string, string?> environment)
    {
        if (config.StatusFile is { } written)
        {
            return written == Off ? null : written;
        }
        return BesideTheLog(config.ConfigPath, Suffix, environment);
    }

    /// <summary>
    /// A file of statmgr's next to its log, named after the config file as the log is, plus
    /// <paramref name="suffix"/> (<c>$EW_LOG/statmgr_status.json</c>, <c>$EW_LOG/statmgr.pid</c>, ...); null without EW_LOG.
    /// </summary>
    public static string? BesideTheLog(string configPath, string suffix, Func<string, string?> environment) =>
        environment("EW_LOG") is { } ewLog ? LogFileName.Directory(ewLog) + LogProgramName.FromPath(configPath) + suffix : null;
}
