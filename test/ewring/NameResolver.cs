using System.Globalization;
using Statmgr.Earthworm.Tables;
using Statmgr.Earthworm.Transport;

namespace Statmgr.EwRing;

/// <summary>
/// Turns ring, installation, module and type arguments into numbers (a number stands for itself;
/// a name is looked up in EW_PARAMS's earthworm*.d, loaded on first need) and numbers back into names.
/// </summary>
internal sealed class NameResolver(string? ewParams)
{
    private const string FlagRingName = "FLAG_RING";
    private const long DefaultFlagRingKey = 9999;

    private readonly List<string> _diagnostics = [];
    private EarthwormTables? _tables;
    private bool _loadTried;

    /// <summary>
    /// The ring's name for messages and its key. A command that creates, removes or writes a ring
    /// (<paramref name="writes"/>) refuses FLAG_RING, startstop's private flag ring.
    /// </summary>
    public (string Name, long Key) Ring(string argument, bool writes)
    {
        string name;
        long key;
        if (long.TryParse(argument, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            (name, key) = (Tables?.GetKeyName(number) ?? argument, number);
        }
        else
        {
            key = RequireTables(argument).GetKey(argument);
            if (key < 0)
            {
                throw new ToolException(LastDiagnostic($"unknown ring {argument}"));
            }
            name = argument;
        }
        if (writes && (name == FlagRingName || key == (Tables?.GetKeyWithDefault(FlagRingName, DefaultFlagRingKey) ?? DefaultFlagRingKey)))
        {
            throw new ToolException($"{name} (key {key}) is startstop's flag ring; ewring does not touch it");
        }
        return (name, key);
    }

    public Logo Logo(string installation, string module, string type) =>
        new(Byte(installation, (t, n) => t.GetInst(n, out var id) == 0 ? id : null),
            Byte(module, (t, n) => t.GetModId(n, out var id) == 0 ? id : null),
            Byte(type, (t, n) => t.GetMessageType(n, out var id) == 0 ? id : null));

    /// <summary>"INST MOD TYPE" with names where EW_PARAMS has them.</summary>
    public string Describe(Logo logo)
    {
        var tables = Tables;
        return $"{tables?.GetInstName(logo.Installation) ?? logo.Installation.ToString(CultureInfo.InvariantCulture)} "
            + $"{tables?.GetModIdName(logo.Module) ?? logo.Module.ToString(CultureInfo.InvariantCulture)} "
            + $"{tables?.GetTypeName(logo.Type) ?? logo.Type.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The tables when EW_PARAMS is set and loads; null otherwise (numbers are printed then).</summary>
    private EarthwormTables? Tables
    {
        get
        {
            if (!_loadTried)
            {
                _loadTried = true;
                if (!string.IsNullOrEmpty(ewParams))
                {
                    _tables = EarthwormTables.Load(ewParams, _diagnostics.Add);
                }
            }
            return _tables;
        }
    }

    private byte Byte(string argument, Func<EarthwormTables, string, byte?> lookup)
    {
        if (int.TryParse(argument, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number is >= 0 and <= 255 ? (byte)number : throw new ToolException($"{argument} is not 0-255");
        }
        return lookup(RequireTables(argument), argument) ?? throw new ToolException(LastDiagnostic($"unknown name {argument}"));
    }

    private EarthwormTables RequireTables(string name) =>
        Tables ?? throw new ToolException($"EW_PARAMS is not set, so the name {name} cannot be looked up (give a number)");

    private string LastDiagnostic(string fallback) => _diagnostics.Count > 0 ? _diagnostics[^1].TrimEnd('\n') : fallback;
}
