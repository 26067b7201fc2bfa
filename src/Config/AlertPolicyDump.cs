using System.Globalization;
using System.Text;

namespace Statmgr.Config;

/// <summary>
/// What <c>--check</c> prints after C's dump when statmgr.d uses an alert policy command (issue 15's
/// opt-in commands): each command with the value statmgr will use, defaults included. The startup
/// dump in the log stays C's, and a configuration without these commands gets no section, so its
/// check output is what it was.
/// </summary>
internal static class AlertPolicyDump
{
    /// <summary>The statmgr.d commands of the section; using any of them prints it.</summary>
    public static readonly string[] Commands = ["LimitWindow", "HeartbeatClock", "HeartbeatSkew"];

    public static string Format(StatmgrConfig config)
    {
        if (!Array.Exists(Commands, command => config.LinesOf(command).Count > 0))
        {
            return "";
        }
        var text = new StringBuilder();
        text.Append("\n       *****  Alert policy (port only)  *****\n");
        text.Append(CultureInfo.InvariantCulture, $" LimitWindow     {config.LimitWindowSeconds}\n");
        text.Append(CultureInfo.InvariantCulture, $" HeartbeatClock  {(config.HeartbeatClock == HeartbeatClockMode.Receive ? "receive" : "sender")}\n");
        text.Append(CultureInfo.InvariantCulture, $" HeartbeatSkew   {config.HeartbeatSkewSeconds}\n");
        return text.ToString();
    }
}
