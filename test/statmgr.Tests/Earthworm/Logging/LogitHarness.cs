using System.Text;
using Microsoft.Extensions.Time.Testing;
using Statmgr.Earthworm.Logging;

namespace Statmgr.Tests.Earthworm.Logging;

/// <summary>A Logit wired to a fake clock, string consoles and its own temporary EW_LOG directory.</summary>
internal sealed class LogitHarness : IDisposable
{
    public const int ProcessId = 4242;

    private readonly TempDirectory _directory = new("statmgr-logit-");

    /// <param name="openFile">Opens the log file instead of the real disk (a file that fails on demand).</param>
    public LogitHarness(DateTimeOffset start, Func<string, AppendFile>? openFile = null)
    {
        Environment["EW_LOG"] = Directory + "/";
        Time = new FakeTimeProvider(start);
        Logit = new Logit(Time, ProcessId, Stdout, Stderr, name => Environment.GetValueOrDefault(name))
        {
            OpenFile = openFile ?? AppendFile.Open,
        };
    }

    public string Directory => _directory.Directory;

    public Dictionary<string, string?> Environment { get; } = [];

    public FakeTimeProvider Time { get; }

    public StringWriter Stdout { get; } = new();

    public StringWriter Stderr { get; } = new();

    public Logit Logit { get; }

    /// <summary>Logit's init as statmgr does it at startup with <c>LogFile 1</c>: statmgr.d's log, a 1024-byte buffer.</summary>
    public void InitWithLogFile() => Logit.Init("statmgr.d", 1024, 1);

    public string PathOf(string fileName) => _directory.PathOf(fileName);

    /// <summary>A log file read as bytes, one character per byte.</summary>
    public string Read(string fileName) => Encoding.Latin1.GetString(File.ReadAllBytes(PathOf(fileName)));

    public void Dispose()
    {
        Logit.Dispose();
        Stdout.Dispose();
        Stderr.Dispose();
        _directory.Dispose();
    }
}
