namespace Statmgr.Earthworm.Tables;

/// <summary>What adding a name/number pair to a getutil table did.</summary>
internal enum TableAddResult
{
    Added,
    AlreadyPresent,
    Conflict,
}
