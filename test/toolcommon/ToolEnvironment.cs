using Statmgr.Earthworm;
using Statmgr.Earthworm.Tables;
using Statmgr.Earthworm.Transport;

namespace Statmgr.ToolCommon;

/// <summary>
/// What every stand-in needs from the Earthworm environment: the tables from EW_PARAMS, name
/// lookups that explain a failure on stderr, and ring attachment. Compiled into each tool.
/// </summary>
internal sealed class ToolEnvironment
{
    private readonly string _program;
    private readonly TextWriter _error;

    private ToolEnvironment(string program, TextWriter error, EarthwormTables tables)
    {
        _program = program;
        _error = error;
        Tables = tables;
    }

    public EarthwormTables Tables { get; }

    /// <summary>Loads earthworm_global.d and earthworm.d from EW_PARAMS; null (after saying why) when that fails.</summary>
    public static ToolEnvironment? Load(string program, TextWriter error)
    {
        try
        {
            var tables = EarthwormTables.Load(Environment.GetEnvironmentVariable("EW_PARAMS"), m => error.Write(m));
            return new ToolEnvironment(program, error, tables);
        }
        catch (EarthwormExitException e)
        {
            error.WriteLine($"{program}: cannot load the Earthworm tables from EW_PARAMS: {e.Message}");
            return null;
        }
    }

    public bool Module(string name, out byte id) => Check(Tables.GetModId(name, out id) == 0, "module", name);

    public bool MessageType(string name, out byte type) => Check(Tables.GetMessageType(name, out type) == 0, "message type", name);

    public bool Installation(string name, out byte id) => Check(Tables.GetInst(name, out id) == 0, "installation", name);

    public bool LocalInstallation(out byte id)
    {
        string? name = Environment.GetEnvironmentVariable("EW_INSTALLATION");
        return Check(Tables.GetLocalInst(name, out id) == 0, "EW_INSTALLATION", name ?? "(unset)");
    }

    /// <summary>Attaches an existing ring by name; null (after saying why) when it is unknown or absent.</summary>
    public TransportRing? Attach(string ringName)
    {
        long key = Tables.GetKey(ringName);
        if (!Check(key >= 0, "ring", ringName))
        {
            return null;
        }
        try
        {
            return OperatingSystem.IsWindows() ? WindowsRing.Attach(ringName, key) : SystemVRing.Attach(ringName, key);
        }
        catch (TransportRingException e)
        {
            _error.WriteLine($"{_program}: {e.Message}");
            return null;
        }
    }

    private bool Check(bool ok, string what, string name)
    {
        if (!ok)
        {
            _error.WriteLine($"{_program}: unknown {what} <{name}> in the tables of EW_PARAMS");
        }
        return ok;
    }
}
