using AmpaCds.Imaging.Geometry;
using AmpaCds.Imaging;

namespace AmpaCds.Quantification.Pipeline;

/// <summary>Parametric maps resampled into template space, where atlas, normative maps and other studies of the patient line up.</summary>
/// <param name="Z">Voxel-wise z against the normative maps; null when the active database has none or does not apply.</param>
public sealed record TemplateSpaceMaps(Volume Suv, Volume Suvr, Volume? Z);
