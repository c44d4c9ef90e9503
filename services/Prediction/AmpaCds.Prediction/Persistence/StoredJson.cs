using System.Text.Json;
using System.Text.Json.Serialization;

namespace AmpaCds.Prediction.Persistence;

/// <summary>The one JSON setting for Prediction's stored records (camelCase, NaN spelled out), separate from the bus's.</summary>
internal static class StoredJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Empty stored {typeof(T).Name}.");
}
