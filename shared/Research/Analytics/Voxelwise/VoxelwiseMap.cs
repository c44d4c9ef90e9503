using AmpaCds.Imaging.Geometry;

namespace AmpaCds.Research.Analytics.Voxelwise;

/// <summary>
/// A voxel-wise statistic in template space: the unthresholded map (0 outside the brain mask), the same map with
/// voxels at or above the FDR level set to 0, and the clusters of what survives.
/// </summary>
public sealed record VoxelwiseMap(Volume Statistic, Volume Thresholded, int MaskVoxels, int Significant, IReadOnlyList<VoxelCluster> Clusters);
