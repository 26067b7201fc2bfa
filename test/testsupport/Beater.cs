using System.Globalization;
using System.Text;
using Statmgr.Earthworm.Transport;
namespace Statmgr.TestSupport;

/// <summary>
/// Heartbeats for many simulated modules from one thread, each on its own ring: "time pid\n"
/// with the sender's clock, every interval. A module can be stopped (it dies, as far as statmgr
/// can tell) and started again; the time stamp of its last heartbeat is kept.
/// </summary>
internal sealed class Beater : IDisposable
{
    private readonly TimeSpan _interval;
    private readonly Dictionary<byte, Beating> _modules = new();
    private readonly Thread _thread;
    private volatile bool _stop;

    public Beater(TimeSpan interval)
    {
        _interval = interval;
        _thread = new Thread(Run) { IsBackground = true, Name = "beater" };
    }

    /// <summary>Failed puts (a ring that was full of damage, or gone).</summary>
    public long PutFailures { get; private set; }

    /// <summary>Every one of <paramref name="modules"/> (module ids), beating on <paramref name="ring"/>.</summary>
    public void AddAll(IEnumerable<byte> modules, TransportRing ring)
    {
        foreach (var module in modules)
        {
            Add(module, ring);
        }
    }

    public void Add(byte module, TransportRing ring)
    {
        lock (_modules)
        {
            _modules[module] = new Beating(ring, new Logo(SiteNumbers.Inst, module, SiteNumbers.TypeHeartbeat), 40_000 + module);
        }
    }

    public void Start() => _thread.Start();

    /// <summary>Stops the module's heartbeats; returns the sender's time stamp of the last one sent.</summary>
    public long Stop(byte module)
    {
        lock (_modules)
        {
            var beating = _modules[module];
            beating.Alive = false;
            return beating.LastStamp;
        }
    }

    /// <summary>Starts the module's heartbeats again, the first one at once.</summary>
    public void Resume(byte module)
    {
        lock (_modules)
        {
            var beating = _modules[module];
            beating.Alive = true;
            Beat(beating);
        }
    }

    public bool IsAlive(byte module)
    {
        lock (_modules)
        {
            return _modules[module].Alive;
        }
    }

    public void Dispose()
    {
        _stop = true;
        if (_thread.IsAlive)
        {
            _thread.Join();
        }
    }

    private void Run() => Periodic.Run(_interval, () => _stop, () =>
    {
        lock (_modules)
        {
            foreach (var beating in _modules.Values)
            {
                if (beating.Alive)
                {
                    Beat(beating);
                }
            }
        }
    });

    private void Beat(Beating beating)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{now} {beating.Pid}\n"));
        if (beating.Ring.Put(beating.Logo, body) == PutStatus.Ok)
        {
            beating.LastStamp = now;
        }
        else
        {
            PutFailures++;
        }
    }

    private sealed class Beating(TransportRing ring, Logo logo, int pid)
    {
        public TransportRing Ring { get; } = ring;

        public Logo Logo { get; } = logo;

        public int Pid { get; } = pid;

        public bool Alive { get; set; } = true;

        public long LastStamp { get; set; }
    }
}
