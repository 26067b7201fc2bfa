using System.Globalization;
using System.Numerics;

namespace Statmgr.Earthworm.Kom;

/// <summary>
/// The C library's <c>strtol</c> (base 10, 64-bit, clamped) and <c>strtod</c> (C locale) as kom's
/// numeric readers see them: leading text is converted, the rest of the token is ignored, and text
/// with nothing convertible is 0.
/// </summary>
internal static class CNumberText
{
    private const ulong PositiveLimit = long.MaxValue;
    private const ulong NegativeLimit = (ulong)long.MaxValue + 1;

    // Exponents beyond this already overflow or underflow every double; clamping keeps the
    // arithmetic small whatever digit string a file holds.
    private const int ExponentClamp = 100_000;

    public static long ParseLong(ReadOnlySpan<char> text)
    {
        int i = SkipSpace(text, 0);
        bool negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        ulong limit = negative ? NegativeLimit : PositiveLimit;
        ulong value = 0;
        for (; i < text.Length && IsDigit(text[i]); i++)
        {
            ulong digit = (ulong)(text[i] - '0');
            value = value > (limit - digit) / 10 ? limit : (value * 10) + digit;
        }

        return negative ? unchecked((long)(0UL - value)) : (long)value;
    }

    public static double ParseDouble(ReadOnlySpan<char> text)
    {
        int i = SkipSpace(text, 0);
        bool negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        ReadOnlySpan<char> rest = text[i..];
        double magnitude;
        if (rest.StartsWith("inf", StringComparison.OrdinalIgnoreCase))
        {
            magnitude = double.PositiveInfinity;
        }
        else if (rest.StartsWith("nan", StringComparison.OrdinalIgnoreCase))
        {
            magnitude = double.NaN;
        }
        else if (rest.Length > 2 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'X') && StartsHexMantissa(rest[2..]))
        {
            magnitude = ParseHexMagnitude(rest[2..]);
        }
        else
        {
            magnitude = ParseDecimalMagnitude(rest);
        }

        return negative ? -magnitude : magnitude;
    }

    private static double ParseDecimalMagnitude(ReadOnlySpan<char> text)
    {
        int i = 0;
        int intStart = i;
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        ReadOnlySpan<char> integerDigits = text[intStart..i];
        ReadOnlySpan<char> fractionDigits = [];
        if (i < text.Length && text[i] == '.')
        {
            int fracStart = i + 1;
            int j = fracStart;
            while (j < text.Length && IsDigit(text[j]))
            {
                j++;
            }

            fractionDigits = text[fracStart..j];
            if (integerDigits.Length + fractionDigits.Length > 0)
            {
                i = j;
            }
        }

        if (integerDigits.Length + fractionDigits.Length == 0)
        {
            return 0.0;
        }

        int exponent = ParseExponent(text, i, 'e', 'E');
        string normalised = string.Concat(
            integerDigits.Length > 0 ? integerDigits : "0",
            ".",
            fractionDigits.Length > 0 ? fractionDigits : "0",
            "e" + exponent.ToString(CultureInfo.InvariantCulture));
        return double.Parse(normalised, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static bool StartsHexMantissa(ReadOnlySpan<char> text) =>
        text.Length > 0 && (IsHexDigit(text[0]) || (text[0] == '.' && text.Length > 1 && IsHexDigit(text[1])));

    private static double ParseHexMagnitude(ReadOnlySpan<char> text)
    {
        BigInteger mantissa = BigInteger.Zero;
        int i = 0;
        int fractionDigits = 0;
        bool inFraction = false;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '.' && !inFraction)
            {
                inFraction = true;
                continue;
            }

            if (!IsHexDigit(c))
            {
                break;
            }

            mantissa = (mantissa << 4) + HexValue(c);
            if (inFraction)
            {
                fractionDigits++;
            }
        }

        long binaryExponent = (long)ParseExponent(text, i, 'p', 'P') - (4L * fractionDigits);
        return ScaleRounded(mantissa, binaryExponent);
    }

    /// <summary>mantissa * 2^exponent rounded to nearest-even at 53 significant bits.</summary>
    private static double ScaleRounded(BigInteger mantissa, long exponent)
    {
        if (mantissa.IsZero)
        {
            return 0.0;
        }

        long bits = (long)mantissa.GetBitLength();
        if (bits > 53)
        {
            int shift = (int)(bits - 53);
            BigInteger top = mantissa >> shift;
            BigInteger remainder = mantissa - (top << shift);
            BigInteger half = BigInteger.One << (shift - 1);
            if (remainder > half || (remainder == half && !top.IsEven))
            {
                top += 1;
            }

            mantissa = top;
            exponent += shift;
        }

        long clamped = Math.Clamp(exponent, -4 * (long)ExponentClamp, 4 * (long)ExponentClamp);
        return Math.ScaleB((double)(ulong)mantissa, (int)clamped);
    }

    /// <summary>An exponent part at <paramref name="start"/>, saturated; 0 when absent or incomplete.</summary>
    private static int ParseExponent(ReadOnlySpan<char> text, int start, char lower, char upper)
    {
        if (start >= text.Length || (text[start] != lower && text[start] != upper))
        {
            return 0;
        }

        int i = start + 1;
        bool negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        if (i >= text.Length || !IsDigit(text[i]))
        {
            return 0;
        }

        int value = 0;
        for (; i < text.Length && IsDigit(text[i]); i++)
        {
            value = Math.Min(ExponentClamp, (value * 10) + (text[i] - '0'));
        }

        return negative ? -value : value;
    }

    private static int SkipSpace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && IsCSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    // C isspace in the "C" locale.
    private static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
