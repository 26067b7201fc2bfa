namespace Statmgr.Cli;

/// <summary>The version text C statmgr prints; operators grep for it, so it stays C's.</summary>
public static class ProgramVersion
{
    public const string Text = "2.0.14 - 2017-06-08";
}
