using System.Diagnostics;
using System.Text;
using Statmgr.Earthworm.Transport;

namespace Statmgr.Tests.Monitor.EndToEnd;

/// <summary>Collects what statmgr puts on a ring (pages, restart requests) through the test's own attachment.</summary>
internal sealed class RingWatcher
{
    private readonly ITransportRing _ring;
    private readonly Logo[] _wanted;
    private readonly byte[] _buffer = new byte[60_000];

    public RingWatcher(ITransportRing ring, params byte[] types)
    {
        _ring = ring;
        _wanted = types.Select(t => new Logo(SiteNumbers.Inst, SiteNumbers.ModStatmgr, t)).ToArray();
    }

    public List<(Logo Logo, string Text)> Seen { get; } = new();

    public List<string> Texts(byte type)
    {
        Poll();
        return Seen.Where(m => m.Logo.Type == type).Select(m => m.Text).ToList();
    }

    public void Poll()
    {
        while (_ring.GetMessage(_wanted, _buffer, out var logo, out int length) is not GetStatus.None)
        {
            Seen.Add((logo, Encoding.Latin1.GetString(_buffer, 0, length)));
        }
    }

    /// <summary>Waits until a message of <paramref name="type"/> satisfies <paramref name="match"/>.</summary>
    public string WaitFor(byte type, Func<string, bool> match, TimeSpan timeout, Func<string> context)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = Texts(type).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"no matching type {type} message within {timeout.TotalSeconds} s; seen:\n{string.Join("\n", Seen.Select(s => s.Text))}\n{context()}");
            }
            Thread.Sleep(20);
        }
    }
}
