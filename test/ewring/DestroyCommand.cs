namespace Statmgr.EwRing;

/// <summary>ewring destroy RING: removes segment and semaphore, as startstop does at shutdown.</summary>
internal static class DestroyCommand
{
    public static void Run(ToolArguments args, NameResolver names, TextWriter output)
    {
        args.ExpectCount(1, 1);
        var (name, key) = names.Ring(args[0], writes: true);
        if (!Statmgr.Earthworm.Transport.SystemVRing.Destroy(key))
        {
            throw new ToolException($"there is no ring {name} (key {key})");
        }
        output.WriteLine($"destroyed {name} (key {key})");
    }
}
