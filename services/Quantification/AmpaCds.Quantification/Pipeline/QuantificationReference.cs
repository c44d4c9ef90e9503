using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Nifti;
using AmpaCds.Imaging.PartialVolume;
using AmpaCds.Imaging.Registration;
using AmpaCds.Imaging;

namespace AmpaCds.Quantification.Pipeline;

/// <summary>
/// The atlas and the [11C]K-2 template that regions are measured in. The built-in template is
/// the healthy-control mean pattern (<see cref="TemplateRegionValues"/>) painted on the atlas and smoothed
/// to PET resolution; a site replaces both with its own files.
/// </summary>
public sealed class QuantificationReference(BrainAtlas atlas, Volume template)
{
    public BrainAtlas Atlas { get; } = atlas;

    public Volume Template { get; } = template;

    /// <summary>The template's registration samples, prepared once rather than for every study.</summary>
    public RegistrationTemplate Registration { get; } = new(template);

    /// <summary>Partial-volume correction on this atlas; its transfer matrices are built once per resolution and shared.</summary>
    public PartialVolumeCorrector PartialVolume { get; } = new(atlas);

    public static QuantificationReference BuiltIn(double smoothingFwhmMm)
    {
        var atlas = BuiltInAtlas.Create();
        var healthyMeans = TemplateRegionValues.Load();
        var template = GaussianFilter.Smooth(atlas.Paint(healthyMeans), smoothingFwhmMm);
        return new QuantificationReference(atlas, template);
    }

    /// <summary>
    /// A site's own atlas and template (for example AAL3 on MNI152): a NIfTI-1 label image (.nii or .nii.gz),
    /// its label table and a NIfTI template in the same world space (the grids may differ).
    /// </summary>
    public static QuantificationReference FromFiles(string labelImagePath, string labelTablePath, string templatePath, string atlasVersion)
    {
        try
        {
            var regions = AtlasLabelTable.Parse(File.ReadLines(labelTablePath));
            var atlas = BrainAtlas.FromLabelImage(NiftiReader.Read(labelImagePath), regions, atlasVersion);
            return new QuantificationReference(atlas, NiftiReader.Read(templatePath));
        }
        catch (Exception error) when (error is IOException or FormatException or ArgumentException or NiftiFormatException)
        {
            throw new QuantificationException($"site atlas or template unusable: {error.Message}", error);
        }
    }
}
