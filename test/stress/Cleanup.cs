using System.Runtime.InteropServices;

namespace Statmgr.Stress;

/// <summary>
/// Every live site, so that SIGINT, SIGTERM or SIGHUP (Ctrl-C, a killed make, the soak script's
/// trap) still ends the children and removes the rings before the process exits.
/// </summary>
internal static class Cleanup
{
    private static readonly HashSet<StressSite> Sites = new();
    private static readonly List<PosixSignalRegistration> Registrations = new();

    public static void InstallSignalHandlers()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            Registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                Console.Error.WriteLine($"stress: {context.Signal}: cleaning up");
                DisposeAll();
                Environment.Exit(130);
            }));
        }
    }

    public static void Register(StressSite site)
    {
        lock (Sites)
        {
            Sites.Add(site);
        }
    }

    public static void Unregister(StressSite site)
    {
        lock (Sites)
        {
            Sites.Remove(site);
        }
    }

    public static void DisposeAll()
    {
        StressSite[] sites;
        lock (Sites)
        {
            sites = Sites.ToArray();
        }
        foreach (var site in sites)
        {
            site.Dispose();
        }
    }
}
