using Statmgr.Earthworm.Kom;

namespace Statmgr.Earthworm.Tables;

/// <summary>
/// getutil's name ↔ number tables from earthworm_global.d and earthworm.d: transport ring keys,
/// module ids, message types and installation ids. Lookups are exact and case-sensitive, the
/// first entry wins, and failed name lookups report C's message to the diagnostics sink.
/// </summary>
internal sealed class EarthwormTables
{
    private readonly Action<string> _diagnostics;
    private readonly NameNumberTable _rings = new();
    private readonly NameNumberTable _modules = new();
    private readonly NameNumberTable _messageTypes = new();
    private readonly NameNumberTable _installations = new();

    private EarthwormTables(Action<string> diagnostics)
    {
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Loads earthworm_global.d then earthworm.d from <paramref name="ewParams"/> (both mandatory;
    /// '@name' includes are EW_PARAMS + '/' + name) with a private reader.
    /// </summary>
    /// <param name="ewParams">The EW_PARAMS value; null when the variable is unset.</param>
    /// <param name="diagnostics">Receives load and lookup messages; C writes them with <c>logit("e", ...)</c>.</param>
    /// <exception cref="EarthwormExitException">Exit status 255, after C's text went to <paramref name="diagnostics"/>.</exception>
    public static EarthwormTables Load(string? ewParams, Action<string> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        using var reader = new CommandFileReader(_ => null, diagnostics);
        return Load(ewParams, diagnostics, reader);
    }

    /// <summary>
    /// As <see cref="Load(string?, Action{string})"/>, through the program's shared reader: the
    /// table files take open-file slots like any nested file (C's kom is process-wide), and while
    /// <paramref name="diagnostics"/> runs, the reader's CurrentFile and CurrentLineNumber name the
    /// line at fault. On a fatal error the files this load opened are closed before the throw.
    /// </summary>
    public static EarthwormTables Load(string? ewParams, Action<string> diagnostics, CommandFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(reader);
        var tables = new EarthwormTables(diagnostics);
        var byKind = new Dictionary<TableKind, NameNumberTable>
        {
            [TableKind.Ring] = tables._rings,
            [TableKind.Module] = tables._modules,
            [TableKind.Message] = tables._messageTypes,
            [TableKind.Installation] = tables._installations,
        };
        new TableFileLoader(reader, diagnostics, byKind).Load(ewParams);
        return tables;
    }

    /// <summary>GetKey: the ring's shared-memory key, or -1 and "GetKey: Invalid ring name".</summary>
    public long GetKey(string ringName)
    {
        if (_rings.TryFindNumber(ringName, out long key))
        {
            return key;
        }

        _diagnostics($"GetKey: Invalid ring name <{ringName}>\n");
        return -1;
    }

    /// <summary>GetKeyWithDefault: the ring's key, or <paramref name="defaultKey"/> silently.</summary>
    public long GetKeyWithDefault(string ringName, long defaultKey) =>
        _rings.TryFindNumber(ringName, out long key) ? key : defaultKey;

    /// <summary>GetModId: 0 and the module id, or -1, id 0 and "GetModId: Invalid module name".</summary>
    public int GetModId(string name, out byte id) =>
        Find(_modules, name, out id, $"GetModId: Invalid module name <{name}>\n");

    /// <summary>C's GetType: 0 and the message type, or -1, type 0 and "GetType: Invalid message-type name".</summary>
    public int GetMessageType(string name, out byte type) =>
        Find(_messageTypes, name, out type, $"GetType: Invalid message-type name <{name}>\n");

    /// <summary>GetInst: 0 and the installation id, or -1, id 0 and "GetInst: Invalid installation name".</summary>
    public int GetInst(string name, out byte id) =>
        Find(_installations, name, out id, $"GetInst: Invalid installation name <{name}>\n");

    /// <summary>
    /// GetLocalInst for the value of EW_INSTALLATION: 0 found, -1 unset, -2 empty, -3 not in the
    /// table (after GetInst's own message); id is 0 on every failure.
    /// </summary>
    public int GetLocalInst(string? ewInstallation, out byte id)
    {
        id = 0;
        if (ewInstallation is null)
        {
            _diagnostics("GetLocalInst: Environment variable EW_INSTALLATION not defined.\n");
            return -1;
        }

        if (ewInstallation.Length == 0)
        {
            _diagnostics("GetLocalInst: Environment variable EW_INSTALLATION defined, but has no value.\n");
            return -2;
        }

        if (GetInst(ewInstallation, out id) < 0)
        {
            _diagnostics($"GetLocalInst: Environment variable EW_INSTALLATION has invalid value <{ewInstallation}>\n");
            return -3;
        }

        return 0;
    }

    /// <summary>GetKeyName: the first ring with this key, or null.</summary>
    public string? GetKeyName(long key) => _rings.FindName(key);

    /// <summary>GetModIdName: the first module with this id, or null.</summary>
    public string? GetModIdName(byte id) => _modules.FindName(id);

    /// <summary>GetTypeName: the first message type with this number, or null.</summary>
    public string? GetTypeName(byte type) => _messageTypes.FindName(type);

    /// <summary>GetInstName: the first installation with this id, or null.</summary>
    public string? GetInstName(byte id) => _installations.FindName(id);

    private int Find(NameNumberTable table, string name, out byte number, string failure)
    {
        if (table.TryFindNumber(name, out long found))
        {
            number = (byte)found;
            return 0;
        }

        _diagnostics(failure);
        number = 0;
        return -1;
    }
}
