namespace Statmgr.EwSupervisor;

/// <summary>C's atoi on a message body: blanks, an optional sign, then digits; anything else ends it (0 if none).</summary>
internal static class LeadingInteger
{
    public static int Parse(ReadOnlySpan<byte> text)
    {
        int i = 0;
        while (i < text.Length && (text[i] == ' ' || (text[i] >= '\t' && text[i] <= '\r')))
        {
            i++;
        }
        bool negative = false;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            negative = text[i] == '-';
            i++;
        }
        long value = 0;
        while (i < text.Length && text[i] >= '0' && text[i] <= '9' && value <= int.MaxValue)
        {
            value = value * 10 + (text[i] - '0');
            i++;
        }
        value = negative ? -value : value;
        return (int)Math.Clamp(value, int.MinValue, int.MaxValue);
    }
}
