namespace Statmgr.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.Write("Usage: statmgr <configfile>\n");
            Console.Error.Write($"Version: {ProgramVersion.Text}\n");
            return 255;
        }
        return 0;
    }
}
