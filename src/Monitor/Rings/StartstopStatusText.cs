using Statmgr.Monitor.Messages;

namespace Statmgr.Monitor.Rings;

/// <summary>
/// Reads the ring list out of startstop's TYPE_STATUS text, as C's AccumulateRings does: split on
/// spaces and newlines, and after each <c>name/key/size:</c> token take the name, skip the
/// <c>/</c>, take the key, skip the <c>/</c>, take the size in kB.
/// </summary>
internal static class StartstopStatusText
{
    private const string RingMarker = "name/key/size:";

    public static IReadOnlyList<StartstopRing> ParseRings(string text)
    {
        var tokens = text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var rings = new List<StartstopRing>();
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] != RingMarker)
            {
                continue;
            }
            if (i + 5 >= tokens.Length)
            {
                break;
            }
            rings.Add(new StartstopRing(tokens[i + 1], MessageText.Atoi(tokens[i + 3]), MessageText.Atoi(tokens[i + 5])));
            i += 5;
        }
        return rings;
    }
}

/// <summary>One ring line of startstop's status text: name, key and size in kB.</summary>
internal sealed record StartstopRing(string Name, long Key, long SizeKb);
