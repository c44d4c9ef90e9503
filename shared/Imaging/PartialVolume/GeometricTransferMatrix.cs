using AmpaCds.Imaging.Atlas;
using AmpaCds.Imaging.Filtering;
using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging.Registration;

namespace AmpaCds.Imaging.PartialVolume;

/// <summary>
/// Geometric transfer matrix (Rousset et al. 1998) of an atlas at one effective resolution, in template space:
/// G[i, j] is the mean over region i of region j's indicator blurred by a Gaussian of that FWHM. Blurring is
/// linear, so the observed regional means are G·t with t the true regional values; solving gives t. The
/// tissue around the brain is one more region (<see cref="BackgroundName"/>: non-brain voxels the brain
/// spills into by more than 1 %), so spill-in from scalp or out-of-brain activity is modelled, not ignored.
/// Building costs one Gaussian smoothing per region (done once per atlas and resolution); solving is a
/// dense system of regions + 1 unknowns.
/// </summary>
public sealed class GeometricTransferMatrix
{
    public const string BackgroundName = "background";

    /// <summary>Non-brain voxels receiving at least this share of a blurred whole-brain indicator form the background region.</summary>
    private const double BackgroundSpillShare = 0.01;

    private readonly int[] _voxelRegion; // region index per template voxel, -1 = far from the brain, not modelled
    private readonly long[] _voxels;
    private readonly double[,] _matrix;

    private GeometricTransferMatrix(BrainAtlas atlas, double fwhmMm, string[] names, int[] voxelRegion, long[] voxels, double[,] matrix)
    {
        Atlas = atlas;
        FwhmMm = fwhmMm;
        Names = names;
        _voxelRegion = voxelRegion;
        _voxels = voxels;
        _matrix = matrix;
    }

    public BrainAtlas Atlas { get; }

    public double FwhmMm { get; }

    /// <summary>Atlas regions in atlas order, then <see cref="BackgroundName"/> last.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Template voxels per region (same order as <see cref="Names"/>).</summary>
    public IReadOnlyList<long> Voxels => _voxels;

    public double this[int target, int source] => _matrix[target, source];

    public static GeometricTransferMatrix Create(BrainAtlas atlas, double fwhmMm)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        if (!(fwhmMm > 0) || !double.IsFinite(fwhmMm))
        {
            throw new ArgumentOutOfRangeException(nameof(fwhmMm), "The effective resolution must be a positive number of millimetres.");
        }

        string[] names = [.. atlas.Regions.Select(region => region.Name), BackgroundName];
        int background = names.Length - 1;
        var indexOfLabel = new int[256];
        Array.Fill(indexOfLabel, -1);
        for (int r = 0; r < atlas.Regions.Count; r++)
        {
            indexOfLabel[atlas.Regions[r].Label] = r;
        }

        byte[] labels = atlas.Labels;
        var brainSpill = GaussianFilter.Smooth(Indicator(atlas.Geometry, labels.Length, i => labels[i] > 0), fwhmMm).Data;
        var voxelRegion = new int[labels.Length];
        var voxels = new long[names.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            int region = labels[i] > 0 ? indexOfLabel[labels[i]] : brainSpill[i] >= BackgroundSpillShare ? background : -1;
            voxelRegion[i] = region;
            if (region >= 0)
            {
                voxels[region]++;
            }
        }

        var matrix = new double[names.Length, names.Length];
        for (int source = 0; source < names.Length; source++)
        {
            int j = source;
            float[] blurred = GaussianFilter.Smooth(Indicator(atlas.Geometry, labels.Length, i => voxelRegion[i] == j), fwhmMm).Data;
            var sums = new double[names.Length];
            for (int i = 0; i < blurred.Length; i++)
            {
                if (voxelRegion[i] >= 0)
                {
                    sums[voxelRegion[i]] += blurred[i];
                }
            }

            for (int target = 0; target < names.Length; target++)
            {
                matrix[target, source] = voxels[target] > 0 ? sums[target] / voxels[target] : 0;
            }
        }

        return new GeometricTransferMatrix(atlas, fwhmMm, names, voxelRegion, voxels, matrix);
    }

    /// <summary>
    /// Regional means of a template-space image (order of <see cref="Names"/>); voxels that are not finite (outside
    /// the scanner's field of view) are left out. NaN for a region with no finite voxel.
    /// </summary>
    public double[] RegionMeans(Volume templateImage)
    {
        ArgumentNullException.ThrowIfNull(templateImage);
        if (templateImage.Data.Length != _voxelRegion.Length)
        {
            throw new ArgumentException("The image is not on the atlas grid.", nameof(templateImage));
        }

        var sums = new double[Names.Count];
        var counts = new long[Names.Count];
        float[] data = templateImage.Data;
        for (int i = 0; i < data.Length; i++)
        {
            int region = _voxelRegion[i];
            if (region >= 0 && float.IsFinite(data[i]))
            {
                sums[region] += data[i];
                counts[region]++;
            }
        }

        return [.. sums.Select((sum, r) => counts[r] > 0 ? sum / counts[r] : double.NaN)];
    }

    /// <summary>Solves G·t = observed for the true regional values t (order of <see cref="Names"/>).</summary>
    public double[] Solve(IReadOnlyList<double> observedMeans)
    {
        ArgumentNullException.ThrowIfNull(observedMeans);
        if (observedMeans.Count != Names.Count || observedMeans.Any(value => !double.IsFinite(value)))
        {
            throw new ArgumentException($"GTM needs a finite observed mean for each of the {Names.Count} regions (including {BackgroundName}).", nameof(observedMeans));
        }

        return LinearSolver.TrySolve(_matrix, [.. observedMeans], out double[] values)
            ? values
            : throw new InvalidOperationException("The geometric transfer matrix is singular (two regions cannot be told apart at this resolution).");
    }

    /// <summary>Voxel-weighted mean of the brain regions (not the background), the SUVR denominator "whole brain".</summary>
    public double WholeBrainMean(IReadOnlyList<double> regionValues)
    {
        double sum = 0;
        long count = 0;
        for (int r = 0; r < Names.Count - 1; r++)
        {
            sum += regionValues[r] * _voxels[r];
            count += _voxels[r];
        }

        return count > 0 ? sum / count : double.NaN;
    }

    /// <summary>The template image with every modelled voxel set to its region's value (far background 0).</summary>
    public Volume Paint(IReadOnlyList<double> regionValues)
    {
        var data = new float[_voxelRegion.Length];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = _voxelRegion[i] >= 0 ? (float)regionValues[_voxelRegion[i]] : 0f;
        }

        return new Volume(Atlas.Geometry, data);
    }

    /// <summary>True for a voxel in one of the atlas's brain regions.</summary>
    internal bool IsBrain(int voxel) => _voxelRegion[voxel] >= 0 && _voxelRegion[voxel] < Names.Count - 1;

    private static Volume Indicator(VolumeGeometry geometry, int length, Func<int, bool> inside)
    {
        var data = new float[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = inside(i) ? 1f : 0f;
        }

        return new Volume(geometry, data);
    }
}
