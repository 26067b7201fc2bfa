using Statmgr.Earthworm.Kom;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Config;

/// <summary>
/// Finds the heartbeat interval a module sends, from the module's own .d file
/// (<c>statmgr_checkheartbeat</c>): the last line starting with one of the five keywords wins.
/// </summary>
internal sealed class ModuleHeartbeatReader
{
    /// <summary>The module .d file was not read (missing, or exempt by name).</summary>
    public const int NotRead = -2;

    /// <summary>The .d file was read but names no heartbeat interval.</summary>
    public const int NotFound = -1;

    /// <summary>The spellings Earthworm modules use for their heartbeat interval (exact case).</summary>
    public static readonly IReadOnlyList<string> Keywords =
        ["HeartBeatInt", "HeartbeatInt", "HeartbeatSecs", "HeartbeatInterval", "HeartBeatInterval"];

    private readonly CommandFileReader _kom;
    private readonly ConfigProblems _problems;
    private readonly Func<string, bool> _fileExists;

    public ModuleHeartbeatReader(CommandFileReader kom, ConfigProblems problems, Func<string, bool> fileExists)
    {
        _kom = kom;
        _problems = problems;
        _fileExists = fileExists;
    }

    /// <summary>
    /// Returns the interval found (a non-numeric value reads as 0, as C's <c>atol</c> does),
    /// <see cref="NotFound"/>, or <see cref="NotRead"/> when the file does not exist.
    /// <paramref name="loadedAt"/> is the Descriptor line, where problems without a line of their own are reported.
    /// </summary>
    public int Read(string moduleConfigPath, string descriptorPath, ConfigLocation loadedAt)
    {
        if (!_fileExists(moduleConfigPath))
        {
            // C leaves this line unterminated, so the next entry ran on; the port ends it (B17).
            _problems.Warning(loadedAt, "e", $".d file <{moduleConfigPath}> for desc file <{descriptorPath}> doesn't exist\n");
            return NotRead;
        }

        var openBefore = _kom.OpenFileCount;
        if (!KomFiles.TryOpen(_kom, moduleConfigPath))
        {
            _problems.Warning(loadedAt, "e", $"statmgr: Error opening .d file <{moduleConfigPath}>{_kom.OpenFailureDetail}; skipping.\n");
            return NotFound;
        }

        var heartbeat = NotFound;
        while (_kom.OpenFileCount > openBefore)
        {
            while (_kom.ReadLine() > 0)
            {
                var com = _kom.NextToken();
                if (com is null || com.StartsWith('#'))
                {
                    continue;
                }
                if (com.StartsWith('@'))
                {
                    var at = KomFiles.Here(_kom, moduleConfigPath);
                    if (!KomFiles.TryOpen(_kom, com[1..]))
                    {
                        _problems.Error(at, $"statmgr: Error opening command file <{com[1..]}>{_kom.OpenFailureDetail}; exiting.\n");
                    }
                    continue;
                }
                if (IsHeartbeatKeyword(com))
                {
                    // C stores atol's long in an int: keep the low 32 bits.
                    heartbeat = unchecked((int)_kom.NextLong());
                }
            }
            _kom.Close();
        }
        return heartbeat;
    }

    private static bool IsHeartbeatKeyword(string token)
    {
        foreach (var keyword in Keywords)
        {
            if (string.Equals(token, keyword, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
