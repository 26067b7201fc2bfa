using Statmgr.Earthworm.Kom;

namespace Statmgr.Config;

/// <summary>The file handling every statmgr reader shares on top of kom: nested opens and "where am I".</summary>
internal static class KomFiles
{
    /// <summary>
    /// Opens <paramref name="path"/> on top of the files already open. Returns true when it became
    /// the current file. On failure the reader is left with exactly the files it had before, so
    /// <c>--check</c> can go on reading the parent file.
    /// </summary>
    public static bool TryOpen(CommandFileReader kom, string path)
    {
        var before = kom.OpenFileCount;
        var now = kom.Open(path);
        if (now == before + 1)
        {
            return true;
        }
        while (kom.OpenFileCount > before)
        {
            kom.Close();
        }
        return false;
    }

    /// <summary>The current file and line, for problem reports.</summary>
    public static ConfigLocation Here(CommandFileReader kom, string fallbackFile) =>
        new(kom.CurrentFile ?? fallbackFile, kom.CurrentLineNumber);
}
