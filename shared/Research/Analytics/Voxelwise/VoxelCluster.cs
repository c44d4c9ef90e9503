namespace AmpaCds.Research.Analytics.Voxelwise;

/// <summary>
/// 26-connected suprathreshold voxels of one sign: size, the peak statistic (largest |value|), its voxel and its
/// position in template millimetres, and the atlas region at the peak ("" outside every region).
/// </summary>
public sealed record VoxelCluster(int Sign, int Size, double PeakValue, int PeakI, int PeakJ, int PeakK, double PeakXMm, double PeakYMm, double PeakZMm, string Region);
