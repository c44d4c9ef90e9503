using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Imaging.Normative;

/// <summary>Per-voxel control mean and SD of SUVR in template space, and voxel-wise z maps against them.</summary>
public sealed record VoxelNormativeMaps(Volume Mean, Volume Sd)
{
    /// <summary>
    /// Voxels whose control SD is below this share of the mean are treated as having no usable SD (z = 0):
    /// outside the brain both are ~0, and dividing by a near-zero SD would paint noise as huge z.
    /// </summary>
    public const double MinimumRelativeSd = 0.01;

    /// <summary>Mean and sample SD over the controls' SUVR maps, which must share one template grid.</summary>
    public static VoxelNormativeMaps Build(IReadOnlyList<Volume> controlSuvrMaps)
    {
        ArgumentNullException.ThrowIfNull(controlSuvrMaps);
        if (controlSuvrMaps.Count < 2)
        {
            throw new NormativeDataException($"{controlSuvrMaps.Count} control map(s): a voxel SD needs at least 2");
        }
        var geometry = controlSuvrMaps[0].Geometry;
        if (controlSuvrMaps.Any(map => !map.Geometry.SameGridAs(geometry, 1e-3)))
        {
            throw new NormativeDataException("the control maps are not on one template grid");
        }
        var count = geometry.VoxelCount;
        var mean = new float[count];
        var sd = new float[count];
        var n = controlSuvrMaps.Count;
        Parallel.For(0, count, index =>
        {
            double sum = 0, sumSquares = 0;
            foreach (var map in controlSuvrMaps)
            {
                double value = map.Data[index];
                sum += value;
                sumSquares += value * value;
            }
            var m = sum / n;
            mean[index] = (float)m;
            sd[index] = (float)Math.Sqrt(Math.Max(0, (sumSquares - n * m * m) / (n - 1)));
        });
        return new VoxelNormativeMaps(new Volume(geometry, mean), new Volume(geometry, sd));
    }

    /// <summary>(patient − mean) / SD per voxel; 0 where the SD is unusable (see <see cref="MinimumRelativeSd"/>) or the patient value is not finite.</summary>
    public Volume ZMap(Volume patientSuvr)
    {
        ArgumentNullException.ThrowIfNull(patientSuvr);
        if (!patientSuvr.Geometry.SameGridAs(Mean.Geometry, 1e-3))
        {
            throw new NormativeDataException("the patient SUVR map is not on the normative maps' template grid");
        }
        var z = new float[patientSuvr.Data.Length];
        for (var index = 0; index < z.Length; index++)
        {
            var sd = Sd.Data[index];
            var value = patientSuvr.Data[index];
            z[index] = sd > MinimumRelativeSd * Math.Abs(Mean.Data[index]) && sd > 0 && float.IsFinite(value)
                ? (value - Mean.Data[index]) / sd
                : 0f;
        }
        return new Volume(patientSuvr.Geometry, z);
    }
}
