using System.Globalization;

namespace Statmgr.Silences;

/// <summary>
/// A silence's length as an operator types it: whole numbers with a unit, <c>s</c>, <c>m</c>,
/// <c>h</c> or <c>d</c>, largest unit first and each at most once (<c>90s</c>, <c>30m</c>,
/// <c>2h</c>, <c>1d</c>, <c>1h30m</c>). Anything else is refused rather than guessed.
/// </summary>
internal static class SilenceDuration
{
    /// <summary>The longest silence: one that outlives a year is a forgotten one.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(366);

    public const string Rule = "a whole number and a unit, s m h or d (90s, 30m, 2h, 1d), or several, largest first (1h30m), at most 366d";

    private const string Units = "dhms";

    /// <summary>The duration, or null with <paramref name="problem"/> saying why.</summary>
    public static TimeSpan? Parse(string text, out string? problem)
    {
        problem = $"invalid duration <{text}>: {Rule}";
        long seconds = 0;
        int lastUnit = -1;
        int i = 0;
        if (text.Length == 0)
        {
            return null;
        }
        while (i < text.Length)
        {
            int digits = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
            if (i == digits || i == text.Length || i - digits > 6)
            {
                return null;
            }
            int unit = Units.IndexOf(text[i]);
            if (unit <= lastUnit)
            {
                return null;
            }
            lastUnit = unit;
            long value = long.Parse(text.AsSpan(digits, i - digits), NumberStyles.None, CultureInfo.InvariantCulture);
            seconds += value * (unit switch { 0 => 86400, 1 => 3600, 2 => 60, _ => 1 });
            i++;
        }
        var duration = TimeSpan.FromSeconds(seconds);
        if (duration <= TimeSpan.Zero || duration > Longest)
        {
            return null;
        }
        problem = null;
        return duration;
    }
}
