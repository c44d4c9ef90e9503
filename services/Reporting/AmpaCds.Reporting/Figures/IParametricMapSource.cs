using AmpaCds.Imaging.Geometry;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// Quantification's template-space maps of a study's measured series, obtained through Quantification's API (the maps
/// are Quantification's data; the gateway never reads its blob prefix). Null when the map does not exist.
/// </summary>
public interface IParametricMapSource
{
    Task<Volume?> GetAsync(StudyRecord study, ParametricMap map, CancellationToken cancellationToken);
}
