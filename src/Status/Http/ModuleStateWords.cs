using System.Text.Json;

namespace Statmgr.Status.Http;

/// <summary>
/// Each module state's word, taken from the snapshot's JSON so that /status.json, the metrics'
/// <c>state</c> label and the page's classes can never name a state two ways.
/// </summary>
internal static class ModuleStateWords
{
    private static readonly string[] Words = Enum.GetValues<ModuleState>()
        .Select(state => JsonSerializer.Serialize(state, StatusJson.Default.ModuleState).Trim('"'))
        .ToArray();

    /// <summary>Every state, worst first.</summary>
    public static IReadOnlyList<ModuleState> All { get; } = Enum.GetValues<ModuleState>();

    /// <summary>The JSON word: <c>dead</c>, <c>restart_requested</c>, <c>stopped</c>, <c>alive</c>, <c>not_monitored</c>.</summary>
    public static string Of(ModuleState state) => Words[(int)state];

    /// <summary>The word as a person reads it: <c>restart requested</c>.</summary>
    public static string Spoken(ModuleState state) => Of(state).Replace('_', ' ');
}
