using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Statmgr.EwSupervisor;

/// <summary>SIGTERM for a child (.NET's Process.Kill only sends SIGKILL): startstop's polite stop.</summary>
internal static partial class UnixSignal
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM on Unix; elsewhere there is no polite signal, so the process is killed.</summary>
    public static void Terminate(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (OperatingSystem.IsWindows())
        {
            process.Kill();
            return;
        }
        _ = Kill(process.Id, SigTerm);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
