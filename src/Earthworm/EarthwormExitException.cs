namespace Statmgr.Earthworm;

/// <summary>
/// A C library path that ends the process (getutil, logit, transport attach). The message has
/// already been written where C writes it; the entry point only turns this into the exit status.
/// Thrown instead of calling Environment.Exit so that tests can observe it.
/// </summary>
internal sealed class EarthwormExitException : Exception
{
    public EarthwormExitException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
