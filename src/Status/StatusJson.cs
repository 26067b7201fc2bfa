using System.Text.Json.Serialization;

namespace Statmgr.Status;

/// <summary>
/// The snapshot's JSON, generated at compile time (the native binary has no run-time reflection):
/// snake_case names, states as words, times as ISO 8601.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(StatusSnapshot))]
internal sealed partial class StatusJson : JsonSerializerContext;
