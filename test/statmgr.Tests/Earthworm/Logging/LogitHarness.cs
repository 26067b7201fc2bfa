using System.Text;
using Microsoft.Extensions.Time.Testing;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests.Earthworm.Logging;

/// <summary>A Logit wired to a fake clock, string consoles and its own temporary EW_LOG directory.</summary>
internal sealed class LogitHarness : IDisposable
{
    public const int ProcessId = 4242;

    public LogitHarness(DateTimeOffset start)
    {
        Directory = Path.Combine(Path.GetTempPath(), "statmgr-logit-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Environment["EW_LOG"] = Directory + "/";
        Time = new FakeTimeProvider(start);
        Logit = new Logit(Time, ProcessId, Stdout, Stderr, name => Environment.GetValueOrDefault(name));
    }

    public string Directory { get; }

    public Dictionary<string, string?> Environment { get; } = [];

    public FakeTimeProvider Time { get; }

    public StringWriter Stdout { get; } = new();

    public StringWriter Stderr { get; } = new();

    public Logit Logit { get; }

    public string PathOf(string fileName) => Path.Combine(Directory, fileName);

    /// <summary>A log file read as bytes, one character per byte.</summary>
    public string Read(string fileName) => Encoding.Latin1.GetString(File.ReadAllBytes(PathOf(fileName)));

    public void Dispose()
    {
        Logit.Dispose();
        Stdout.Dispose();
        Stderr.Dispose();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
