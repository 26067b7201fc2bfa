namespace Statmgr.Tests.Earthworm.Transport;

/// <summary>
/// Byte expectations written like hex dumps: hex bytes separated by spaces, <c>??</c> for a
/// padding byte whose value C leaves indeterminate.
/// </summary>
internal static class HexPattern
{
    /// <summary>The actual bytes rendered in the pattern's shape, with the pattern's ?? positions masked.</summary>
    public static string Mask(ReadOnlySpan<byte> actual, string pattern)
    {
        var tokens = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rendered = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            rendered[i] = i >= actual.Length ? "--" : tokens[i] == "??" ? "??" : actual[i].ToString("X2");
        }
        return string.Join(' ', rendered);
    }

    /// <summary>The pattern normalised to single spaces and upper case.</summary>
    public static string Normalise(string pattern) =>
        string.Join(' ', pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    public static void AssertAt(ReadOnlySpan<byte> region, int offset, string pattern)
    {
        Assert.That(Mask(region[offset..], pattern), Is.EqualTo(Normalise(pattern)), $"bytes at 0x{offset:X}");
    }
}
