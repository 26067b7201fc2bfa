using System.Diagnostics;

namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>A child process driven line by line over stdin/stdout, killed on dispose if still running.</summary>
internal sealed class LineProcess : IDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;

    public LineProcess(string fileName, params string[] arguments)
    {
        _process = ChildProgram.Start(ChildProgram.StartInfo(fileName, arguments, redirectInput: true));
    }

    /// <summary>Sends one command and returns the one-line answer.</summary>
    public string Ask(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
        var read = _process.StandardOutput.ReadLineAsync();
        if (!read.Wait(AnswerTimeout))
        {
            throw new TimeoutException($"no answer to '{command}'");
        }
        return read.Result ?? throw new EndOfStreamException($"process ended after '{command}': {_process.StandardError.ReadToEnd()}");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(2000))
                {
                    _process.Kill();
                    _process.WaitForExit();
                }
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
