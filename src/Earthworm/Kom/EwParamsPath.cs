namespace Statmgr.Earthworm.Kom;

/// <summary>How Earthworm libraries join EW_PARAMS and a file name.</summary>
internal static class EwParamsPath
{
    /// <summary>The platform separator is added only when EW_PARAMS does not already end in it.</summary>
    public static string Join(string paramDir, string name)
    {
        char separator = OperatingSystem.IsWindows() ? '\\' : '/';
        return paramDir.EndsWith(separator) ? paramDir + name : paramDir + separator + name;
    }
}
