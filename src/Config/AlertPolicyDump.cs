using System.Globalization;
using System.Text;

namespace Statmgr.Config;

/// <summary>
/// What <c>--check</c> prints after C's dump when the configuration uses an alert policy command
/// (the port's opt-in commands): each with the value statmgr will use; the restart, reminder and
/// flap rules as statmgr.d and each descriptor set them. The startup dump in the log
/// stays C's, and a configuration without these commands gets no section, so its check output is
/// what it was.
/// </summary>
internal static class AlertPolicyDump
{
    /// <summary>The statmgr.d commands of the clock and limit settings; using any of them shows all three, defaults included.</summary>
    public static readonly string[] ClockAndLimitCommands = ["LimitWindow", "HeartbeatClock", "HeartbeatSkew"];

    public static string Format(StatmgrConfig config)
    {
        var lines = new List<string>();
        if (Array.Exists(ClockAndLimitCommands, command => config.LinesOf(command).Count > 0))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $" LimitWindow     {config.LimitWindowSeconds}"));
            lines.Add($" HeartbeatClock  {(config.HeartbeatClock == HeartbeatClockMode.Receive ? "receive" : "sender")}");
            lines.Add(string.Create(CultureInfo.InvariantCulture, $" HeartbeatSkew   {config.HeartbeatSkewSeconds}"));
        }
        foreach (var line in config.PolicyDefaults.CommandLines(inDescriptor: false))
        {
            lines.Add(" " + line);
        }
        foreach (var descriptor in config.Descriptors)
        {
            foreach (var line in descriptor.Policy.CommandLines(inDescriptor: true))
            {
                lines.Add($" {descriptor.ModName}: {line}");
            }
        }
        if (lines.Count == 0)
        {
            return "";
        }
        var text = new StringBuilder("\n       *****  Alert policy (port only)  *****\n");
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }
}
