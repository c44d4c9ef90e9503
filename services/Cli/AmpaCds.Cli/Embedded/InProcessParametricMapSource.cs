using AmpaCds.Imaging.Geometry;
using AmpaCds.Quantification.Maps;
using AmpaCds.Reporting.Figures;
using AmpaCds.Reporting.Studies;

namespace AmpaCds.Cli.Embedded;

/// <summary>
/// The gateway's maps in the embedded shape: asked of Quantification's own <see cref="ParametricMapStore"/> in the same
/// process. Not the HTTP API on the serve port: `ampacds demo` has no HTTP server, and a loopback call to ourselves
/// would need a service client in the users file and a token for no security gain within one process. The store is
/// Quantification's API object, so the gateway still never touches Quantification's blob keys.
/// </summary>
public sealed class InProcessParametricMapSource(ParametricMapStore maps) : IParametricMapSource
{
    public Task<Volume?> GetAsync(StudyRecord study, ParametricMap map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(study);
        var stored = study.Uptake?.Maps;
        if (stored is not null && !stored.Has(map))
        {
            return Task.FromResult<Volume?>(null);
        }
        var series = stored?.MeasuredSeriesUid is { Length: > 0 } measured ? measured : study.SeriesInstanceUid;
        if (!ParametricMapStore.IsUid(study.StudyInstanceUid) || !ParametricMapStore.IsUid(series))
        {
            return Task.FromResult<Volume?>(null);
        }
        return maps.ReadAsync(study.StudyInstanceUid, series, Served(map), cancellationToken);
    }

    private static ServedMap Served(ParametricMap map) => map switch
    {
        ParametricMap.Suvr => ServedMap.Suvr,
        ParametricMap.Z => ServedMap.Z,
        ParametricMap.Change => ServedMap.Change,
        _ => throw new ArgumentOutOfRangeException(nameof(map), map, null),
    };
}
