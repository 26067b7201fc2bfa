using System.Text.Json.Serialization;

namespace Statmgr.Status;

/// <summary>
/// The snapshot's JSON, generated at compile time (the native binary has no run-time reflection):
/// snake_case names, states as words, times as ISO 8601. Reading one back (<c>--status</c>), a
/// field that is missing or null where the record has no null is an error, not a null to trip on.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    WriteIndented = true)]
[JsonSerializable(typeof(StatusSnapshot))]
internal sealed partial class StatusJson : JsonSerializerContext;
