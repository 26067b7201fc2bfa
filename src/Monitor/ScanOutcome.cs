namespace Statmgr.Monitor;

/// <summary>How a heartbeat expiry scan ended.</summary>
public enum ScanOutcome
{
    Completed,

    /// <summary>
    /// A "PID unknown" death ended the pass early, as in C: the loop polls again at once and the
    /// remaining modules are scanned on the next pass.
    /// </summary>
    Abandoned,
}
