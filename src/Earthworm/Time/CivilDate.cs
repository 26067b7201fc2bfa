namespace Statmgr.Earthworm.Time;

/// <summary>
/// Proleptic Gregorian date from a day count, in 64-bit arithmetic so that it works far outside
/// <see cref="DateTime"/>'s years 1-9999 (Howard Hinnant's days-to-civil algorithm).
/// </summary>
internal static class CivilDate
{
    public static (long Year, int Month, int Day) FromDaysSinceEpoch(long days)
    {
        // Shift the epoch to 0000-03-01 so that the leap day is the last day of a "year".
        var z = days + 719468;
        var era = (z >= 0 ? z : z - 146096) / 146097;
        var dayOfEra = z - (era * 146097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var monthIndex = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * monthIndex) + 2) / 5) + 1);
        var month = (int)(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        var year = yearOfEra + (era * 400) + (month <= 2 ? 1 : 0);
        return (year, month, day);
    }
}
