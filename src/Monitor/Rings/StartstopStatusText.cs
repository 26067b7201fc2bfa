using System.Globalization;

namespace Statmgr.Monitor.Rings;

/// <summary>
/// Reads the ring list out of startstop's TYPE_STATUS text, as C's AccumulateRings does: split on
/// spaces and newlines, and after each <c>name/key/size:</c> token take the name, skip the
/// <c>/</c>, take the key, skip the <c>/</c>, take the size in kB. Unlike C, the list is checked:
/// any process may put a TYPE_STATUS message, and one that named a ring 800 times made C attach
/// 800 times. A ring entry that does not parse is left out, a ring whose key was already listed is
/// the same ring (whatever name it carries), and no more than Earthworm's 50 rings are taken.
/// </summary>
internal static class StartstopStatusText
{
    /// <summary>Earthworm's MAX_RING: startstop never makes more rings than this.</summary>
    public const int MaxRings = 50;

    private const string RingMarker = "name/key/size:";
    private const string Separator = "/";

    public static StartstopRingList ParseRings(string text)
    {
        var tokens = text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var rings = new List<StartstopRing>();
        var keys = new HashSet<long>();
        int duplicates = 0, unparsed = 0, overLimit = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] != RingMarker)
            {
                continue;
            }
            var ring = Parse(tokens, i);
            if (ring is null)
            {
                unparsed++;
                continue;
            }
            i += 5;
            if (!keys.Add(ring.Key))
            {
                duplicates++;
            }
            else if (rings.Count == MaxRings)
            {
                overLimit++;
            }
            else
            {
                rings.Add(ring);
            }
        }
        return new StartstopRingList(rings, duplicates, unparsed, overLimit);
    }

    /// <summary>The entry after the marker at <paramref name="marker"/>: a name, "/", a key (C's int), "/" and a size; null when it is not that.</summary>
    private static StartstopRing? Parse(string[] tokens, int marker)
    {
        if (marker + 5 >= tokens.Length || tokens[marker + 2] != Separator || tokens[marker + 4] != Separator)
        {
            return null;
        }
        const NumberStyles Decimal = NumberStyles.AllowLeadingSign;
        if (!int.TryParse(tokens[marker + 3], Decimal, CultureInfo.InvariantCulture, out int key)
            || !long.TryParse(tokens[marker + 5], Decimal, CultureInfo.InvariantCulture, out long sizeKb) || sizeKb < 0)
        {
            return null;
        }
        return new StartstopRing(tokens[marker + 1], key, sizeKb);
    }
}

/// <summary>One ring line of startstop's status text: name, key and size in kB.</summary>
internal sealed record StartstopRing(string Name, long Key, long SizeKb);

/// <summary>The rings taken from startstop's status text, and how many entries were left out and why.</summary>
internal sealed record StartstopRingList(IReadOnlyList<StartstopRing> Rings, int Duplicates, int Unparsed, int OverLimit)
{
    /// <summary>What was left out, for the one log line that says so; null when nothing was.</summary>
    public string? Ignored => Duplicates + Unparsed + OverLimit == 0
        ? null
        : $"{Count(Duplicates, "duplicate ring", "duplicate rings")}, {Count(Unparsed, "line that does not parse", "lines that do not parse")}, "
            + $"{Count(OverLimit, "ring", "rings")} over the limit of {StartstopStatusText.MaxRings}";

    private static string Count(int n, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");
}
