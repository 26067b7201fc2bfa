using Statmgr.Config;

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

    private static int Key(byte module, byte installation) => module << 8 | installation;
}
