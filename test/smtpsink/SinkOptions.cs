namespace Statmgr.SmtpSink;

/// <summary>Command line of smtpsink: <c>--port N [--save DIR]</c>.</summary>
internal sealed record SinkOptions(int Port, string? SaveDirectory)
{
    public const string Usage = "usage: smtpsink --port N [--save DIR]   (N = 0 picks a free port)";

    /// <summary>Parses the arguments; returns null (and an error text) when they make no sense.</summary>
    public static SinkOptions? Parse(IReadOnlyList<string> args, out string error)
    {
        int? port = null;
        string? save = null;
        error = "";
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Count)
            {
                error = $"smtpsink: {name} needs a value";
                return null;
            }
            string value = args[++i];
            switch (name)
            {
                case "--port":
                    if (!int.TryParse(value, out int p) || p < 0 || p > 65535)
                    {
                        error = $"smtpsink: bad port <{value}>";
                        return null;
                    }
                    port = p;
                    break;
                case "--save":
                    save = value;
                    break;
                default:
                    error = $"smtpsink: unknown option <{name}>";
                    return null;
            }
        }
        if (port is null)
        {
            error = "smtpsink: --port is required";
            return null;
        }
        return new SinkOptions(port.Value, save);
    }
}
