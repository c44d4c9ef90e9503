using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Registration;

/// <summary>
/// Everything the registration derives from the template alone (smoothed, subsampled sample sets per level and the
/// brain-mask samples of the quality check). Build it once per template and options and reuse it for every study:
/// it is immutable and safe to share between threads.
/// </summary>
public sealed class RegistrationTemplate
{
    public RegistrationTemplate(Volume template, RegistrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        Options = options ?? RegistrationOptions.Default;
        if (Options.Levels.Count == 0)
        {
            throw new ArgumentException("At least one registration level is needed.", nameof(options));
        }

        Template = template;
        Centre = template.CentreOfMass();
        var levels = new FixedSamples[Options.Levels.Count];
        for (int l = 0; l < levels.Length; l++)
        {
            RegistrationLevel level = Options.Levels[l];
            Volume smoothed = AffineRegistration.Downsample(GaussianFilter.Smooth(template, level.SmoothingFwhmMm), level.SpacingMm);
            levels[l] = FixedSamples.FromImage(smoothed, (float)(Options.OptimisationMaskFraction * smoothed.Max()), Centre);
        }

        LevelSamples = levels;

        // Quality samples: brain mask voxels of the unsmoothed template, valued by the PET-resolution template.
        Volume reference = GaussianFilter.Smooth(template, Options.SimilarityTemplateFwhmMm);
        BrainSamples = FixedSamples.FromMasked(reference, template, (float)(Options.BrainMaskFraction * template.Max()), Centre);
    }

    public Volume Template { get; }

    public RegistrationOptions Options { get; }

    internal Point3 Centre { get; }

    internal IReadOnlyList<FixedSamples> LevelSamples { get; }

    internal FixedSamples BrainSamples { get; }
}
