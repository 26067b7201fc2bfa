using System.Globalization;
using Statmgr.Earthworm.Kom;

namespace Statmgr.Config;

/// <summary>
/// The alert policy commands, read the same way from a descriptor (<c>restartBudget: N W</c>,
/// <c>restartBackoff: MIN MAX</c>, <c>remind: S</c>, <c>flapLimit: K W</c>; in a descriptor only, <c>restartWhileSilenced: 0|1</c>) and from statmgr.d,
/// where they set the default for every descriptor (<c>RestartBudget</c>, <c>RestartBackoff</c>,
/// <c>Remind</c>, <c>FlapLimit</c>). Every value is a whole number of restarts, changes or
/// seconds; 0 in the first place turns the rule off.
/// </summary>
internal static class AlertPolicyCommands
{
    /// <summary>True when <paramref name="command"/> is a descriptor's alert policy command.</summary>
    public static bool IsDescriptorCommand(string command) =>
        command is "restartBudget:" or "restartBackoff:" or "remind:" or "flapLimit:" or RestartWhileSilencedCommand;

    /// <summary>Whether a silenced module that dies is restarted: a descriptor's own choice, with no statmgr.d default.</summary>
    public const string RestartWhileSilencedCommand = "restartWhileSilenced:";

    /// <summary>True when <paramref name="command"/> is one of statmgr.d's alert policy defaults.</summary>
    public static bool IsConfigCommand(string command) =>
        command is "RestartBudget" or "RestartBackoff" or "Remind" or "FlapLimit";

    /// <summary>
    /// Reads the values of <paramref name="command"/> (a name either predicate accepts) into
    /// <paramref name="into"/>. Returns null when they were stored, or the problem to report (flags
    /// and text) with <paramref name="where"/> naming the file as the reader's other messages do.
    /// </summary>
    public static (string Flags, string Text)? Read(CommandFileReader kom, string command, string where, AlertPolicySettings into)
    {
        bool pair = !command.StartsWith("remind", StringComparison.OrdinalIgnoreCase) && command != RestartWhileSilencedCommand;
        int first = kom.NextInt();
        int second = pair ? kom.NextInt() : 0;
        if (kom.TakeError() != KomError.None)
        {
            return ("e", $"statmgr: Bad <{command}> command in {where}; exiting.\n");
        }
        string values = pair ? string.Create(CultureInfo.InvariantCulture, $"{first} {second}") : first.ToString(CultureInfo.InvariantCulture);
        string? rule = Store(command.TrimEnd(':').ToLowerInvariant(), first, second, into);
        return rule is null ? null : ("et", $"statmgr: Invalid <{command}> value <{values}> in {where}; valid={rule}; exiting.\n");
    }

    /// <summary>Stores valid values; returns the rule they break otherwise.</summary>
    private static string? Store(string name, int first, int second, AlertPolicySettings into)
    {
        switch (name)
        {
            case "restartbudget":
                if (first < 0 || (first > 0 && second < 1))
                {
                    return "0 (off), or N W: at most N (1 or more) restart requests in W (1 or more) seconds";
                }
                into.Budget = new RestartBudget(first, second);
                return null;
            case "restartbackoff":
                if (first < 0 || (first > 0 && second < first))
                {
                    return "0 (off), or MIN MAX: a first delay of MIN (1 or more) seconds, doubling up to MAX (MIN or more) seconds";
                }
                into.Backoff = new RestartBackoff(first, second);
                return null;
            case "remind":
                if (first < 0)
                {
                    return "0 (off), or 1 or more seconds";
                }
                into.RemindSeconds = first;
                return null;
            case "restartwhilesilenced":
                if (first is not (0 or 1))
                {
                    return "0 (a silenced module that dies gets no restart request) or 1 (it is restarted as usual)";
                }
                into.RestartWhileSilenced = first == 1;
                return null;
            default:
                if (first < 0 || (first > 0 && second < 1))
                {
                    return "0 (off), or K W: more than K (1 or more) returns to life in W (1 or more) seconds is flapping";
                }
                into.Flap = new FlapLimit(first, second);
                return null;
        }
    }
}
