namespace Statmgr.Stress;

/// <summary>
/// What statmgr must report in the soak, worked out as the errors and deaths are caused: the
/// notes of error reports (C's batch rule, applied to what was sent) and the dead/alive
/// sequence of every module.
/// </summary>
internal sealed class SoakExpectations
{
    private readonly Dictionary<(byte Module, short Number), (int Count, long BatchStart)> _batches = new();
    private readonly HashSet<string> _reportedNotes = new();
    private readonly Dictionary<byte, List<string>> _health = new();

    public int ErrorsSent { get; private set; }

    public int DeathsCaused { get; private set; }

    public IReadOnlyCollection<string> ReportedNotes => _reportedNotes;

    public IReadOnlyDictionary<byte, List<string>> Health => _health;

    /// <summary>Counts an error sent with the sender's time; remembers its note when the rule reports it.</summary>
    public void ErrorSent(ModuleSpec module, short number, long time, string note)
    {
        lock (_batches)
        {
            ErrorsSent++;
            var rule = module.Errors.FirstOrDefault(e => e.Number == number);
            if (rule == default)
            {
                return;
            }
            var (count, start) = _batches.GetValueOrDefault((module.Id, number));
            if (count == 0)
            {
                start = time;
            }
            count++;
            if (count >= rule.Nerr)
            {
                if (rule.Tsec == 0 || time - start <= rule.Tsec)
                {
                    _reportedNotes.Add(note);
                }
                count = 0;
            }
            _batches[(module.Id, number)] = (count, start);
        }
    }

    public void Died(byte module)
    {
        lock (_batches)
        {
            DeathsCaused++;
            Sequence(module).Add("module dead");
        }
    }

    public void CameBack(byte module)
    {
        lock (_batches)
        {
            Sequence(module).Add("module alive");
        }
    }

    private List<string> Sequence(byte module)
    {
        if (!_health.TryGetValue(module, out var list))
        {
            _health[module] = list = new List<string>();
        }
        return list;
    }
}
