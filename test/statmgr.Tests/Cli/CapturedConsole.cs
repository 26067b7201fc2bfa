namespace Statmgr.Tests.Cli;

/// <summary>The standard output and error a command under test writes to, made fresh for each test.</summary>
internal sealed class CapturedConsole : IDisposable
{
    public StringWriter Out { get; } = new();

    public StringWriter Error { get; } = new();

    public void Dispose()
    {
        Out.Dispose();
        Error.Dispose();
    }
}
