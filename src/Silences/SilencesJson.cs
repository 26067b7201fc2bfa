using System.Text.Json.Serialization;

namespace Statmgr.Silences;

/// <summary>
/// The silences file's JSON, generated at compile time: snake_case names, times as ISO 8601 UTC
/// (<c>2026-12-08T06:40:00Z</c>). Reading is strict: a missing, null or unknown field is an error,
/// because a person may have edited the file by hand and should hear of a typo.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    WriteIndented = true)]
[JsonSerializable(typeof(SilencesDocument))]
internal sealed partial class SilencesJson : JsonSerializerContext;
