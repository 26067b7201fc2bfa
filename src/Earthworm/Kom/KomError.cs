namespace Statmgr.Earthworm.Kom;

/// <summary>The error codes kom's <c>k_err()</c> reports (sticky until read).</summary>
internal static class KomError
{
    /// <summary>No error since the last <see cref="CommandFileReader.TakeError"/> or new line.</summary>
    public const int None = 0;

    /// <summary>A numeric reader found no token left on the line.</summary>
    public const int NoNumber = -1;

    /// <summary>An integer token converted to 0 without starting with '0'.</summary>
    public const int BadNumber = -2;

    /// <summary>No token left, or an unterminated <c>"</c> or <c>[</c> token.</summary>
    public const int NoToken = -17;
}
