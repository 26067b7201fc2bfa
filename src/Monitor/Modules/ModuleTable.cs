using Statmgr.Config;
using Statmgr.Monitor.Rings;

namespace Statmgr.Monitor.Modules;

/// <summary>
/// Every descriptor's module in configuration order, found by (module id, installation) as C's
/// linear scan does: the first descriptor wins.
/// </summary>
internal sealed class ModuleTable
{
    private readonly Dictionary<int, ModuleHealth> _byLogo = new();

    public ModuleTable(IEnumerable<Descriptor> descriptors)
    {
        var modules = new List<ModuleHealth>();
        foreach (var descriptor in descriptors)
        {
            var module = new ModuleHealth(descriptor);
            modules.Add(module);
            _byLogo.TryAdd(Key(descriptor.ModId, descriptor.InstId), module);
        }
        Modules = modules;
    }

    public IReadOnlyList<ModuleHealth> Modules { get; }

    public ModuleHealth? Find(byte module, byte installation) =>
        _byLogo.TryGetValue(Key(module, installation), out var health) ? health : null;

    /// <summary>Startup's reset of every module: alive since <paramref name="now"/>, counters at zero.</summary>
    public void Reset(long now)
    {
        foreach (var module in Modules)
        {
            module.Reset(now);
        }
    }

    /// <summary>
    /// A reload's module table: each module whose (module id, installation) the running table has
    /// goes on from that module's state (the n-th descriptor with a key from the n-th before it);
    /// every other module starts as at startup, alive since <paramref name="now"/> with a full tsec.
    /// </summary>
    /// <param name="match"><see cref="Match"/> of the two tables' descriptors, in table order.</param>
    /// <param name="ringKept">Whether a ring a module's last heartbeat came on is still read.</param>
    public void ContinueFrom(ModuleTable previous, int[] match, long now, Func<MonitoredRing, bool> ringKept)
    {
        for (var i = 0; i < Modules.Count; i++)
        {
            if (match[i] >= 0)
            {
                Modules[i].ContinueFrom(previous.Modules[match[i]], now, ringKept);
            }
            else
            {
                Modules[i].Reset(now);
            }
        }
    }

    /// <summary>
    /// For each of <paramref name="next"/>'s descriptors, the index of the descriptor in
    /// <paramref name="previous"/> it continues, or -1 for a new module: the same (module id,
    /// installation), the n-th with a key matched to the n-th before.
    /// </summary>
    public static int[] Match(IReadOnlyList<Descriptor> previous, IReadOnlyList<Descriptor> next)
    {
        var match = new int[next.Count];
        var used = new bool[previous.Count];
        for (var i = 0; i < next.Count; i++)
        {
            match[i] = -1;
            int key = Key(next[i].ModId, next[i].InstId);
            for (var j = 0; j < previous.Count; j++)
            {
                if (!used[j] && Key(previous[j].ModId, previous[j].InstId) == key)
                {
                    used[j] = true;
                    match[i] = j;
                    break;
                }
            }
        }
        return match;
    }

    private static int Key(byte module, byte installation) => module << 8 | installation;
}
