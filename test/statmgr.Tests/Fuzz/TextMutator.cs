using System.Text;

namespace Statmgr.Tests.Fuzz;

/// <summary>
/// Mutates Earthworm command-file text the way damaged or careless files look: cut and duplicated
/// lines, stray quotes and brackets, ${} references, tabs, CRs, NULs and high bytes, huge lines.
/// Every char stays within 0-255 (files are byte strings).
/// </summary>
internal sealed class TextMutator
{
    private static readonly string[] Fragments =
    {
        "\"", "[", "]", "${", "}", "${EW_INST_ID}", "${NOPE}", "#", "@", "\t", "\r", "\n", "\0",
        " ", "  ", "-", "+", "0", "-0", "99999999999", "0x1F", "1e308", "nan", "\u00F3", "\u00FF",
        "tsec:", "page:", "mail:", "err:", "nerr:", "text:", "\"unterminated",
    };

    private readonly Random _random;

    public TextMutator(Random random)
    {
        _random = random;
    }

    public string Mutate(string seed)
    {
        var lines = new List<string>(seed.Split('\n'));
        var edits = 1 + _random.Next(6);
        for (var i = 0; i < edits; i++)
        {
            var at = lines.Count == 0 ? 0 : _random.Next(lines.Count);
            switch (_random.Next(9))
            {
                case 0 when lines.Count > 0:
                    lines.RemoveAt(at);
                    break;
                case 1 when lines.Count > 0:
                    lines.Insert(at, lines[at]);
                    break;
                case 2 when lines.Count > 0:
                    lines[at] = InsertFragment(lines[at]);
                    break;
                case 3 when lines.Count > 0:
                    lines[at] = Truncate(lines[at]);
                    break;
                case 4:
                    lines.Insert(at, RandomBytesLine(1 + _random.Next(80)));
                    break;
                case 5:
                    lines.Insert(at, new string('x', 2000 + _random.Next(3000)) + " tail");
                    break;
                case 6 when lines.Count > 0:
                    lines[at] = "   " + lines[at];
                    break;
                case 7 when lines.Count > 1:
                    (lines[at], lines[0]) = (lines[0], lines[at]);
                    break;
                default:
                    lines.Insert(at, Fragments[_random.Next(Fragments.Length)]);
                    break;
            }
        }
        return string.Join(_random.Next(4) == 0 ? "\r\n" : "\n", lines);
    }

    public string RandomBytesLine(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append((char)_random.Next(256));
        }
        return builder.ToString();
    }

    private string InsertFragment(string line)
    {
        var at = line.Length == 0 ? 0 : _random.Next(line.Length + 1);
        return line.Insert(at, Fragments[_random.Next(Fragments.Length)]);
    }

    private string Truncate(string line) => line.Length == 0 ? line : line[.._random.Next(line.Length)];
}
