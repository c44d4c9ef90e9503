using AmpaCds.Dicom;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Normative;
using AmpaCds.Imaging.PartialVolume;
using AmpaCds.Imaging;
using AmpaCds.Quantification.Loading;
using AmpaCds.Quantification.Pipeline;

namespace AmpaCds.Quantification.Normative;

/// <summary>
/// Builds a normative database from healthy-control series by running each through the same
/// pipeline patients go through (same template, atlas, reference region), so the statistics
/// describe exactly the numbers patients are compared with.
/// </summary>
public sealed class NormativeDatabaseCompiler(QuantificationReference reference, QuantificationOptions options)
{
    private readonly StudyQuantifier _quantifier = new(reference, options);
    private readonly List<NormativeControl> _controls = [];
    private readonly List<Volume> _suvrMaps = [];

    public int Count => _controls.Count;

    /// <summary>Quantifies one control series; a series that fails (for example its registration) is refused with the reason.</summary>
    public void Add(string id, IReadOnlyList<DicomDataset> series)
    {
        var loaded = PetSeriesLoader.Load(series);
        QuantificationResult result;
        try
        {
            result = _quantifier.Quantify(loaded);
        }
        catch (QuantificationException error)
        {
            throw new NormativeDataException($"control '{id}' cannot be used: {error.Message}");
        }
        var suvr = result.Regions.ToDictionary(region => region.Name, region => region.Suvr);
        _controls.Add(new NormativeControl(id, loaded.PatientAgeYears, suvr));
        _suvrMaps.Add(result.Maps.Suvr);
    }

    public (NormativeDatabase Database, VoxelNormativeMaps Maps) Build(string version, bool ageAdjust, bool synthetic, string description, DateTimeOffset builtAt)
    {
        var database = NormativeDatabaseBuilder.Build(_controls, new NormativeBuildOptions
        {
            Version = version,
            Description = description,
            ReferenceRegion = options.ReferenceRegion,
            AtlasVersion = reference.Atlas.Version,
            AgeAdjust = ageAdjust,
            Synthetic = synthetic,
            BuiltAt = builtAt,
        });
        // The controls went through the configured partial-volume correction; patients are compared only under the same one.
        var method = PartialVolumeMethods.Parse(options.PartialVolume.Method);
        database = database with
        {
            PartialVolumeCorrection = method.Name(),
            PartialVolumeFwhmMm = method == PartialVolumeMethod.None ? null : options.PartialVolume.FwhmMm,
        };
        return (database, VoxelNormativeMaps.Build(_suvrMaps));
    }
}
