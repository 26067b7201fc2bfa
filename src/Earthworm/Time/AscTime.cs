using System.Globalization;

namespace Statmgr.Earthworm.Time;

/// <summary>C's asctime layout for a UTC epoch second, without the trailing newline.</summary>
public static class AscTime
{
    private static readonly string[] Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static string Format(long epochSeconds)
    {
        var t = DateTimeOffset.FromUnixTimeSeconds(epochSeconds).UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Days[(int)t.DayOfWeek]} {Months[t.Month - 1]} {t.Day,2} {t.Hour:00}:{t.Minute:00}:{t.Second:00} {t.Year}");
    }
}
