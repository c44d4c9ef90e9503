using System.Text.Json;

namespace AmpaCds.Prediction;

internal static class ModelCardJson
{
    public const string FileName = "model-card.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Write(ModelCard card, string directory) =>
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(card, Options));

    public static ModelCard Read(string directory) =>
        JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(Path.Combine(directory, FileName)), Options)
        ?? throw new InvalidDataException($"Empty model card in '{directory}'.");
}
