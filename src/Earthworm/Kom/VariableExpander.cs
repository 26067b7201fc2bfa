using System.Text;

namespace Statmgr.Earthworm.Kom;

/// <summary>
/// kom's <c>${NAME}</c> substitution on a raw line chunk: left to right, a '#' turns it off until
/// a CR or LF, values are not rescanned, and the result must fit kom's 2047-char line.
/// </summary>
internal static class VariableExpander
{
    private const int MaxExpandedLength = KomRecord.BufferSize - 1;

    /// <summary>
    /// Expands <paramref name="raw"/>. False (use the raw line and warn) when the result would be
    /// too long, or when the line has references and none of them resolved.
    /// </summary>
    public static bool TryExpand(string raw, Func<string, string?> resolve, out string expanded)
    {
        var output = new StringBuilder(raw.Length);
        bool failed = false;
        bool inComment = false;
        int references = 0;
        int resolved = 0;
        for (int i = 0; i < raw.Length && !failed; i++)
        {
            if (output.Length >= MaxExpandedLength)
            {
                failed = true;
                break;
            }

            char c = raw[i];
            if (c == '\n' || c == '\r')
            {
                inComment = false;
            }
            else if (c == '#')
            {
                inComment = true;
            }

            if (c == '$' && !inComment && i + 1 < raw.Length && raw[i + 1] == '{')
            {
                int close = raw.IndexOf('}', i + 2);
                if (close >= 0)
                {
                    references++;
                    string? value = resolve(raw[(i + 2)..close]);
                    if (value is not null)
                    {
                        resolved++;
                        i = close;
                        failed = !TryAppend(output, value);
                        continue;
                    }
                }
            }

            output.Append(c);
        }

        if (references > 0 && resolved == 0)
        {
            failed = true;
        }

        expanded = failed ? raw : output.ToString();
        return !failed;
    }

    private static bool TryAppend(StringBuilder output, string value)
    {
        int room = MaxExpandedLength - output.Length;
        if (value.Length > room)
        {
            return false;
        }

        output.Append(value);
        return true;
    }
}
