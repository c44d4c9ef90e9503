using System.Text.Encodings.Web;
using System.Text.Json;
using AmpaCds.Domain.Regions;

namespace AmpaCds.Research.Synthetic.Effects;

/// <summary>
/// Reads and writes the effect model as JSON so a site can review and replace it without rebuilding.
/// effect-model.default.json (copied beside the assembly) is <see cref="EffectModel.Default"/> written by <see cref="Save"/>.
/// </summary>
public static class EffectModelJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // The file is read by people, not embedded in HTML: keep quotes and apostrophes legible.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Hand-edited files get comments and trailing commas; accept them.
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static string Serialize(EffectModel model) => JsonSerializer.Serialize(model, Options);

    public static EffectModel Deserialize(string json) =>
        JsonSerializer.Deserialize<EffectModel>(json, Options)
        ?? throw new JsonException("The effect model JSON is empty.");

    public const string DefaultFileName = "effect-model.default.json";

    public static void Save(EffectModel model, string path) => File.WriteAllText(path, Serialize(model) + Environment.NewLine);

    /// <summary>Loads a model and checks that it covers every region of <see cref="RegionIds.All"/>.</summary>
    public static EffectModel Load(string path)
    {
        var model = Deserialize(File.ReadAllText(path));
        var missing = RegionIds.All.Where(region => !model.Regions.ContainsKey(region)).ToList();
        if (missing.Count > 0)
        {
            throw new JsonException($"Effect model '{path}' lacks regions: {string.Join(", ", missing)}.");
        }

        return model;
    }
}
