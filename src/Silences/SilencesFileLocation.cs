using Statmgr.Config;
using Statmgr.Earthworm.Logging;
using Statmgr.Status;

namespace Statmgr.Silences;

/// <summary>
/// Where the silences file is, found the same way by the running statmgr and by the silence
/// commands: <c>&lt;config name&gt;_silences.json</c> in the status file's directory when StatusFile
/// names a path, else in EW_LOG's directory (<c>$EW_LOG/statmgr_silences.json</c> for <c>statmgr.d</c>).
/// </summary>
internal static class SilencesFileLocation
{
    public const string Suffix = "_silences.json";

    /// <summary>The path for a loaded configuration, or null when there is nowhere to put it (no StatusFile path, no EW_LOG).</summary>
    public static string? Resolve(StatmgrConfig config, Func<string, string?> environment)
    {
        if (config.StatusFile is { } written && written != StatusFileLocation.Off)
        {
            string directory = Path.GetDirectoryName(written) ?? "";
            return Path.Combine(directory, LogProgramName.FromPath(config.ConfigPath) + Suffix);
        }
        return Default(config.ConfigPath, environment);
    }

    /// <summary>The path from EW_LOG and the config file's name alone (a configuration that does not load), or null without EW_LOG.</summary>
    public static string? Default(string configPath, Func<string, string?> environment) =>
        StatusFileLocation.BesideTheLog(configPath, Suffix, environment);
}
