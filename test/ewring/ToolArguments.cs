using System.Globalization;
using Statmgr.Earthworm.Transport;

namespace Statmgr.EwRing;

/// <summary>The verb, its positional arguments and the --options, in any order.</summary>
internal sealed class ToolArguments
{
    private static readonly Dictionary<string, int> OptionArity = new()
    {
        ["--count"] = 1,
        ["--rate"] = 1,
        ["--logo"] = 3,
        ["--layout"] = 1,
        ["--seed"] = 1,
        ["--seconds"] = 1,
    };

    private readonly List<string> _positional = [];
    private readonly Dictionary<string, string[]> _options = [];

    public ToolArguments(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (OptionArity.TryGetValue(args[i], out var arity))
            {
                if (i + arity >= args.Length)
                {
                    throw new ToolException($"{args[i]} needs {arity} value(s)");
                }
                _options[args[i]] = args[(i + 1)..(i + 1 + arity)];
                i += arity;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ToolException($"unknown option {args[i]}");
            }
            else
            {
                _positional.Add(args[i]);
            }
        }
        Verb = _positional.Count > 0 ? _positional[0] : "";
    }

    public string Verb { get; }

    /// <summary>Positional arguments after the verb.</summary>
    public int Count => _positional.Count - 1;

    public string this[int index] => _positional[index + 1];

    public void ExpectCount(int min, int max)
    {
        if (Count < min || Count > max)
        {
            throw new ToolException(Program.Usage);
        }
    }

    public string[]? Option(string name) => _options.GetValueOrDefault(name);

    public long LongOption(string name, long fallback, long min)
    {
        var values = Option(name);
        if (values is null)
        {
            return fallback;
        }
        if (!long.TryParse(values[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw new ToolException($"{name} wants a whole number of at least {min}, not '{values[0]}'");
        }
        return value;
    }

    public RingLayoutChoice Layout => Option("--layout")?[0] switch
    {
        null or "auto" => RingLayoutChoice.Auto,
        "lp64" => RingLayoutChoice.Lp64,
        "ilp32" => RingLayoutChoice.Ilp32,
        var other => throw new ToolException($"--layout is auto, lp64 or ilp32, not '{other}'"),
    };
}
