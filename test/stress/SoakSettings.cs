using System.Globalization;

namespace Statmgr.Stress;

/// <summary>How long the soak runs (SOAK_SECONDS, default 600) and the ring keys' base (--key-base, chosen by run-soak.sh so its trap can remove the rings).</summary>
internal sealed record SoakSettings(int Seconds, long? KeyBase)
{
    public static SoakSettings FromEnvironment(string[] args)
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("SOAK_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 600;
        long? keyBase = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--key-base" && i + 1 < args.Length)
            {
                keyBase = long.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                throw new ArgumentException($"unknown soak argument '{args[i]}'");
            }
        }
        return new SoakSettings(seconds, keyBase);
    }
}
