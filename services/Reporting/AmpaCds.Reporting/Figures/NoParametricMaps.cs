using AmpaCds.Imaging.Geometry;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Reporting.Figures;

/// <summary>
/// The map source of a gateway given no Quantification address (AmpaCds:Reporting:QuantificationUrl): reports show
/// their tables and charts but no brain images, rather than the gateway refusing to start.
/// </summary>
public sealed class NoParametricMaps : IParametricMapSource
{
    public Task<Volume?> GetAsync(StudyRecord study, ParametricMap map, CancellationToken cancellationToken) => Task.FromResult<Volume?>(null);
}
