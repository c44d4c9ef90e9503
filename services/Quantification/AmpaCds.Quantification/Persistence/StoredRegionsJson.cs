using System.Text.Json;
using System.Text.Json.Serialization;
using AmpaCds.Quantification.Longitudinal;

namespace AmpaCds.Quantification.Persistence;

/// <summary>
/// The on-disk JSON of StudyResults.Regions: camelCase StoredRegion objects. Fixed here (not taken
/// from the bus serializer) so the stored shape changes only when this type does; a test pins it.
/// </summary>
public static class StoredRegionsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // A region outside the field of view can measure NaN; it must round-trip, not fail the write.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(IReadOnlyList<StoredRegion> regions) => JsonSerializer.Serialize(regions, Options);

    public static IReadOnlyList<StoredRegion> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<StoredRegion>>(json, Options) ?? [];
}
