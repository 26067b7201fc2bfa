namespace Statmgr.Earthworm.Transport;

/// <summary>
/// An Earthworm message logo: installation, module id and message type. Earthworm prints logos in
/// this order, although TPORT_HEAD stores them as type, module, installation.
/// As a request pattern, 0 in a field is the wildcard for that field.
/// </summary>
internal readonly record struct Logo(byte Installation, byte Module, byte Type)
{
    /// <summary>The logo that asks for every message (all three fields wild).</summary>
    public static Logo Wildcard => default;

    /// <summary>True when this logo, taken as a request pattern, accepts <paramref name="logo"/>.</summary>
    public bool Matches(Logo logo) =>
        (Installation == 0 || Installation == logo.Installation)
        && (Module == 0 || Module == logo.Module)
        && (Type == 0 || Type == logo.Type);

    /// <summary>True when any of the request patterns accepts <paramref name="logo"/>.</summary>
    public static bool AnyMatches(ReadOnlySpan<Logo> patterns, Logo logo)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.Matches(logo))
            {
                return true;
            }
        }
        return false;
    }
}
