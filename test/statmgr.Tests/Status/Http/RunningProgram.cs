using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Statmgr.Tests.Status.Http;

/// <summary>
/// A server a test starts (Prometheus): its output read as it comes, so that a full pipe never
/// stops it, and kept for the failure message; killed on dispose, failed test or not.
/// </summary>
internal sealed class RunningProgram : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public RunningProgram(string program, IEnumerable<string> arguments)
    {
        _process = ChildProgram.Start(ChildProgram.StartInfo(program, arguments));
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything it wrote so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>A loopback port free at the moment (a server started next binds it).</summary>
    public static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
    }

    public void Dispose() => ChildProgram.Stop(_process);
}
