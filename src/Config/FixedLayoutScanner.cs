namespace Statmgr.Config;

/// <summary>
/// Reads the fixed-layout descriptor lines (<c>tsec: %d page: %d mail: %d</c>,
/// <c>err: %hd nerr: %d ...</c>) the way C's <c>sscanf</c> does: a blank in the layout matches any
/// run of white space (also none), other layout characters must match exactly, and each
/// <c>%d</c>/<c>%hd</c> skips white space and reads an optionally signed decimal number.
/// </summary>
internal static class FixedLayoutScanner
{
    /// <summary>
    /// Scans <paramref name="input"/> against <paramref name="layout"/> and stores each converted
    /// number in <paramref name="values"/>. Returns how many numbers were converted before the
    /// first mismatch. Numbers saturate at the 64-bit range as glibc's <c>strtol</c> does; the caller
    /// narrows them (<c>%d</c> to int, <c>%hd</c> to short) as C's assignment would.
    /// </summary>
    public static int Scan(ReadOnlySpan<char> input, ReadOnlySpan<char> layout, Span<long> values)
    {
        var pos = 0;
        var converted = 0;
        var i = 0;
        while (i < layout.Length)
        {
            var f = layout[i];
            if (IsSpace(f))
            {
                while (pos < input.Length && IsSpace(input[pos]))
                {
                    pos++;
                }
                i++;
                continue;
            }
            if (f == '%')
            {
                i++;
                if (i < layout.Length && layout[i] == 'h')
                {
                    i++;
                }
                // Only %d conversions appear in statmgr's layouts.
                i++;
                if (!TryReadNumber(input, ref pos, out var value) || converted >= values.Length)
                {
                    return converted;
                }
                values[converted++] = value;
                continue;
            }
            if (pos >= input.Length || input[pos] != f)
            {
                return converted;
            }
            pos++;
            i++;
        }
        return converted;
    }

    private static bool TryReadNumber(ReadOnlySpan<char> input, ref int pos, out long value)
    {
        value = 0;
        var p = pos;
        while (p < input.Length && IsSpace(input[p]))
        {
            p++;
        }
        var negative = false;
        if (p < input.Length && (input[p] == '+' || input[p] == '-'))
        {
            negative = input[p] == '-';
            p++;
        }
        var digitsStart = p;
        var magnitude = 0UL;
        var overflow = false;
        while (p < input.Length && input[p] >= '0' && input[p] <= '9')
        {
            var digit = (ulong)(input[p] - '0');
            if (magnitude > (ulong.MaxValue - digit) / 10)
            {
                overflow = true;
            }
            else
            {
                magnitude = magnitude * 10 + digit;
            }
            p++;
        }
        if (p == digitsStart)
        {
            return false;
        }
        pos = p;
        if (negative)
        {
            value = overflow || magnitude > 9223372036854775808UL ? long.MinValue : unchecked(-(long)magnitude);
        }
        else
        {
            value = overflow || magnitude > long.MaxValue ? long.MaxValue : (long)magnitude;
        }
        return true;
    }

    // C isspace in the "C" locale.
    private static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
