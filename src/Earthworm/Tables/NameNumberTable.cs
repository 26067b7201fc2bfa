namespace Statmgr.Earthworm.Tables;

/// <summary>
/// One getutil table (rings, modules, message types or installations): names and numbers in
/// file order, first match wins both ways, entries are only ever added.
/// </summary>
internal sealed class NameNumberTable
{
    private readonly List<KeyValuePair<string, long>> _entries = [];

    public int Count => _entries.Count;

    public bool TryFindNumber(string name, out long number)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key, name, StringComparison.Ordinal))
            {
                number = entry.Value;
                return true;
            }
        }

        number = 0;
        return false;
    }

    public string? FindName(long number)
    {
        foreach (var entry in _entries)
        {
            if (entry.Value == number)
            {
                return entry.Key;
            }
        }

        return null;
    }

    /// <summary>
    /// getutil's rule: the first existing entry with the same number or the same name decides.
    /// Same name and number: nothing to do. Either one different: a conflict, reported through
    /// <paramref name="existing"/>; the new entry is dropped. Otherwise it is added.
    /// </summary>
    public TableAddResult Add(string name, long number, out KeyValuePair<string, long> existing)
    {
        foreach (var entry in _entries)
        {
            bool sameName = string.Equals(entry.Key, name, StringComparison.Ordinal);
            if (entry.Value == number || sameName)
            {
                existing = entry;
                return entry.Value == number && sameName ? TableAddResult.AlreadyPresent : TableAddResult.Conflict;
            }
        }

        existing = default;
        _entries.Add(new KeyValuePair<string, long>(name, number));
        return TableAddResult.Added;
    }
}

/// <summary>What adding a name/number pair to a getutil table did.</summary>
internal enum TableAddResult
{
    Added,
    AlreadyPresent,
    Conflict,
}
