using System.Text.Json;
using AmpaCds.Prediction.Ensemble;
using AmpaCds.ServiceDefaults.Storage;

namespace AmpaCds.Prediction.Model;

internal static class ModelCardJson
{
    public const string FileName = "model-card.json";

    public const string EnsembleFileName = "ensemble.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void WriteEnsemble(ForecastEnsemble ensemble, string directory) =>
        DurableFile.WriteAllText(Path.Combine(directory, EnsembleFileName), JsonSerializer.Serialize(ensemble, Options));

    /// <summary>Null when the version has no ensemble (tree models, versions saved before ensembles existed).</summary>
    public static ForecastEnsemble? ReadEnsemble(string directory) =>
        File.Exists(Path.Combine(directory, EnsembleFileName))
            ? JsonSerializer.Deserialize<ForecastEnsemble>(File.ReadAllText(Path.Combine(directory, EnsembleFileName)), Options)
            : null;

    public static void Write(ModelCard card, string directory) =>
        DurableFile.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(card, Options));

    public static ModelCard Read(string directory) =>
        JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(Path.Combine(directory, FileName)), Options)
        ?? throw new InvalidDataException($"Empty model card in '{directory}'.");
}
