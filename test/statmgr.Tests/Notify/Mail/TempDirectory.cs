namespace Statmgr.Tests.Notify.Mail;

/// <summary>A fresh directory for one test, removed with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("statmgr-mail-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a file and sets its Unix permission bits (e.g. "755"); tests needing this run on Unix only.</summary>
    public string WriteFile(string name, string content, string mode)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode, 8));
        }
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
