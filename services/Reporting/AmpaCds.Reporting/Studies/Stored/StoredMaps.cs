using AmpaCds.Reporting.Figures;

namespace AmpaCds.Reporting.Studies.Stored;

/// <summary>
/// Which template-space maps Quantification wrote for the measured series. Only their existence: the maps stay
/// Quantification's data and are fetched through its API by study and series UID, never by its blob keys.
/// </summary>
public sealed record StoredMaps(string MeasuredSeriesUid, bool Suvr, bool Z, bool Change)
{
    public bool Has(ParametricMap map) => map switch
    {
        ParametricMap.Suvr => Suvr,
        ParametricMap.Z => Z,
        ParametricMap.Change => Change,
        _ => false,
    };
}
