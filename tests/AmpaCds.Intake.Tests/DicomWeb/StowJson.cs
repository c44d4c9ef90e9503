using System.Text.Json;

namespace AmpaCds.Intake.Tests.DicomWeb;

/// <summary>Reads the parts of a STOW-RS / QIDO-RS DICOM JSON response that tests assert on.</summary>
public static class StowJson
{
    public static IReadOnlyList<JsonElement> Items(JsonElement body, string tag) =>
        body.TryGetProperty(tag, out var attribute) && attribute.TryGetProperty("Value", out var items)
            ? [.. items.EnumerateArray()]
            : [];

    public static string? Text(JsonElement item, string tag) =>
        item.TryGetProperty(tag, out var attribute) && attribute.TryGetProperty("Value", out var values)
            ? values[0].ValueKind == JsonValueKind.String ? values[0].GetString() : values[0].GetRawText()
            : null;

    public static int Number(JsonElement item, string tag) => item.GetProperty(tag).GetProperty("Value")[0].GetInt32();

    public static string Vr(JsonElement item, string tag) => item.GetProperty(tag).GetProperty("vr").GetString()!;

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
