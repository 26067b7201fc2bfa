namespace Statmgr.Earthworm.Time;

/// <summary>
/// C's <c>asctime</c> layout of a UTC time, <c>Www Mmm dd hh:mm:ss yyyy</c>, without the trailing
/// newline (every statmgr caller removes it). The day is space-padded and the names are English
/// whatever the culture, as glibc prints them.
/// </summary>
internal static class AscTime
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private static readonly string[] MonthNames =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>
    /// Formats seconds since 1970-01-01 UTC. Any 64-bit value is accepted (B21): times come from
    /// other modules' messages, so an absurd one must still give text rather than an exception.
    /// </summary>
    public static string Format(long epochSeconds)
    {
        var days = Math.DivRem(epochSeconds, 86400L, out var secondOfDay);
        if (secondOfDay < 0)
        {
            secondOfDay += 86400;
            days--;
        }

        var (year, month, day) = CivilDate.FromDaysSinceEpoch(days);
        // 1970-01-01 was a Thursday (index 4).
        var weekday = (int)(((days % 7) + 7 + 4) % 7);
        var hour = (int)(secondOfDay / 3600);
        var minute = (int)(secondOfDay / 60 % 60);
        var second = (int)(secondOfDay % 60);

        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{DayNames[weekday]} {MonthNames[month - 1]} {day,2} {hour:D2}:{minute:D2}:{second:D2} {year}");
    }

    /// <summary>Formats a point in time, to the whole second (C's <c>time_t</c>).</summary>
    public static string Format(DateTimeOffset time) => Format(time.ToUnixTimeSeconds());
}
