namespace Statmgr.Monitor;

/// <summary>What one pass of the main loop asks for next: stop, or wait this long.</summary>
public readonly record struct PassResult(bool Stop, TimeSpan Wait)
{
    public static PassResult Stopping => new(true, TimeSpan.Zero);

    public static PassResult Again => new(false, TimeSpan.Zero);
}
