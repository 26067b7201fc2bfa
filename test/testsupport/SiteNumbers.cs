namespace Statmgr.TestSupport;

/// <summary>
/// The installation, module ids and message types that the end-to-end site of the tests and the
/// stress tool's site both write into their earthworm.d and earthworm_global.d.
/// </summary>
public static class SiteNumbers
{
    /// <summary>INST_MENLO, the site's own installation.</summary>
    public const byte Inst = 2;
    public const byte ModStartstop = 1;
    public const byte ModStatmgr = 2;
    public const byte TypeError = 2;
    public const byte TypeHeartbeat = 3;
    public const byte TypePage = 104;
    public const byte TypeRestart = 107;
    public const byte TypeReqStatus = 108;
    public const byte TypeStatus = 109;
    public const byte TypeStop = 113;
}
