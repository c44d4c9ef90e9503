using System.Text.Json.Nodes;
using AmpaCds.Dicom;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace AmpaCds.Intake.DicomWeb;

/// <summary>Writes attributes in the DICOM JSON model (PS3.18 Annex F): "GGGGEEEE": { "vr": ..., "Value": [...] }.</summary>
public static class DicomJson
{
    public const string MediaType = "application/dicom+json";

    /// <summary>No Accept header, or one allowing application/dicom+json, application/json or a wildcard covering them.</summary>
    public static bool IsAcceptable(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        return accept.Count == 0 || accept.Any(media => media.Quality is not 0
            && (media.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase)
                || media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || media.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase)
                || media.MediaType.Equals("*/*", StringComparison.OrdinalIgnoreCase)));
    }

    public static string Key(DicomTag tag) => $"{tag.Group:X4}{tag.Element:X4}";

    /// <summary>An attribute whose values are all null or empty is written without "Value" (present but empty).</summary>
    public static JsonObject Add(this JsonObject target, DicomTag tag, string vr, params JsonNode?[] values)
    {
        var attribute = new JsonObject { ["vr"] = vr };
        var present = values.Where(value => value is not null && !(value is JsonValue text && text.TryGetValue<string>(out var s) && s.Length == 0)).ToArray();
        if (present.Length > 0)
        {
            attribute["Value"] = new JsonArray(present);
        }
        target[Key(tag)] = attribute;
        return target;
    }

    public static JsonObject AddText(this JsonObject target, DicomTag tag, string vr, string? value) =>
        target.Add(tag, vr, value is null ? [] : [JsonValue.Create(value)]);

    public static JsonObject AddTexts(this JsonObject target, DicomTag tag, string vr, IEnumerable<string> values) =>
        target.Add(tag, vr, [.. values.Select(value => (JsonNode?)JsonValue.Create(value))]);

    public static JsonObject AddNumber(this JsonObject target, DicomTag tag, string vr, long? value) =>
        target.Add(tag, vr, value is null ? [] : [JsonValue.Create(value.Value)]);

    public static JsonObject AddSequence(this JsonObject target, DicomTag tag, IEnumerable<JsonObject> items) =>
        target.Add(tag, "SQ", [.. items]);

    /// <summary>A PN value "Alphabetic=Ideographic=Phonetic" becomes one object with the groups present.</summary>
    public static JsonObject AddPersonName(this JsonObject target, DicomTag tag, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return target.Add(tag, "PN");
        }
        var groups = value.Split('=');
        var name = new JsonObject();
        string[] labels = ["Alphabetic", "Ideographic", "Phonetic"];
        for (var index = 0; index < Math.Min(groups.Length, labels.Length); index++)
        {
            if (groups[index].Length > 0)
            {
                name[labels[index]] = groups[index];
            }
        }
        return target.Add(tag, "PN", name);
    }
}
