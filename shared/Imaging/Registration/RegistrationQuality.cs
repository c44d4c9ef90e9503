using System.Globalization;
using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Registration;

/// <summary>The pass/fail verdict of a registration, with the values it was based on.</summary>
internal sealed record RegistrationQuality(double Similarity, Point3 Scales, double Overlap, bool Passed, string Reason)
{
    /// <summary>
    /// Similarity = Pearson correlation between the template (smoothed to PET-like resolution) and the unsmoothed PET
    /// sampled through <paramref name="templateToMoving"/>, over the template brain mask voxels inside the PET field of view.
    /// </summary>
    public static RegistrationQuality Assess(Volume moving, RegistrationTemplate template, Affine templateToMoving)
    {
        FixedSamples brain = template.BrainSamples;
        Affine toMovingVoxel = moving.Geometry.WorldToVoxel * templateToMoving * Affine.Translation(brain.Centre);
        double sf = 0, sm = 0, sff = 0, smm = 0, sfm = 0;
        long inside = 0;
        for (int n = 0; n < brain.Count; n++)
        {
            Point3 v = toMovingVoxel.Apply(new Point3(brain.X[n], brain.Y[n], brain.Z[n]));
            float m = Trilinear.Sample(moving.Data, moving.Nx, moving.Ny, moving.Nz, v.X, v.Y, v.Z, out bool isInside);
            if (!isInside || !float.IsFinite(m))
            {
                continue;
            }

            double f = brain.Value[n];
            inside++;
            sf += f;
            sm += m;
            sff += f * f;
            smm += m * m;
            sfm += f * m;
        }

        double similarity = 0;
        if (inside > 1)
        {
            double cov = sfm - sf * sm / inside, vf = sff - sf * sf / inside, vm = smm - sm * sm / inside;
            similarity = vf > 0 && vm > 0 ? cov / Math.Sqrt(vf * vm) : 0;
        }

        double overlap = brain.Count > 0 ? (double)inside / brain.Count : 0;
        return Judge(similarity, AffineDecomposition.Scales(templateToMoving), overlap, template.Options);
    }

    private static RegistrationQuality Judge(double similarity, Point3 scales, double overlap, RegistrationOptions options)
    {
        var problems = new List<string>();
        if (!(similarity >= options.MinimumSimilarity))
        {
            problems.Add(Invariant($"similarity {similarity:F3} below {options.MinimumSimilarity:F3}"));
        }

        foreach (double scale in new[] { scales.X, scales.Y, scales.Z })
        {
            if (!(scale >= options.MinimumScale && scale <= options.MaximumScale))
            {
                problems.Add(Invariant($"scale {scale:F3} outside {options.MinimumScale:F2}-{options.MaximumScale:F2}"));
            }
        }

        if (!(overlap >= options.MinimumOverlap))
        {
            problems.Add(Invariant($"only {overlap:P0} of the brain inside the PET field of view"));
        }

        string measured = Invariant($"NCC {similarity:F3}, scales {scales.X:F3}/{scales.Y:F3}/{scales.Z:F3}, overlap {overlap:P1}");
        return problems.Count == 0
            ? new RegistrationQuality(similarity, scales, overlap, true, "passed: " + measured)
            : new RegistrationQuality(similarity, scales, overlap, false, "failed: " + string.Join("; ", problems) + " (" + measured + ")");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
