using System.Text;

namespace Statmgr.TestSupport;

/// <summary>
/// A fresh directory for one test or one run, removed with everything in it on Dispose: the one
/// temporary-directory helper of the tests and the stress tool. Fixtures that fill it with
/// Earthworm files derive from it. Text is written as ISO-8859-1 bytes, so "\u00F3" becomes the
/// single byte 0xF3, as in Earthworm's own files.
/// </summary>
public class TempDirectory : IDisposable
{
    /// <param name="prefix">The start of the directory's name; keep it short where absolute paths
    /// must stay within C's 63 characters.</param>
    /// <param name="inMemory">On tmpfs (/dev/shm) when the machine has one: for tests that rewrite
    /// files thousands of times and should not wait on a disk.</param>
    public TempDirectory(string prefix, bool inMemory = false)
    {
        var root = inMemory && System.IO.Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        Directory = Path.Combine(root, prefix + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>Full path of the directory (no trailing separator).</summary>
    public string Directory { get; }

    /// <summary>Full path of <paramref name="name"/> inside the directory.</summary>
    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Writes <paramref name="text"/> as ISO-8859-1 bytes (creating sub-directories); returns the full path.</summary>
    public string Write(string name, string text) => WriteBytes(name, Encoding.Latin1.GetBytes(text));

    /// <summary>Writes a file and sets its Unix permission bits (e.g. "755"); returns the full path.</summary>
    public string Write(string name, string text, string mode)
    {
        var path = Write(name, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode, 8));
        }
        return path;
    }

    /// <summary>Writes raw bytes (creating sub-directories); returns the full path.</summary>
    public string WriteBytes(string name, byte[] bytes)
    {
        var path = PathOf(name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
