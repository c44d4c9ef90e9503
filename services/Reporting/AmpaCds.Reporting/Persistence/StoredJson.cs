using System.Text.Json;
using System.Text.Json.Serialization;

namespace AmpaCds.Reporting.Persistence;

/// <summary>How Reporting's stored records are written as JSON columns. Fixed here, independent of the bus's settings.</summary>
public static class StoredJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        // A measurement may legitimately be NaN (an empty region); it must round-trip.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(string? json) where T : class =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<T>(json, Options);
}
