using System.Globalization;

namespace Statmgr.EwSupervisor;

/// <summary>C's asctime layout without the newline: <c>Www Mmm dd hh:mm:ss yyyy</c>, day padded with a space.</summary>
public static class AscTime
{
    public static string Format(DateTimeOffset time)
    {
        DateTime utc = time.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture,
            $"{utc:ddd MMM} {utc.Day,2} {utc:HH:mm:ss yyyy}");
    }
}
