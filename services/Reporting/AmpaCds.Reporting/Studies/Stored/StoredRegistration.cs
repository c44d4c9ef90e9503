namespace AmpaCds.Reporting.Studies.Stored;

/// <summary>Spatial normalisation quality as the report shows it.</summary>
public sealed record StoredRegistration(
    double Similarity,
    bool Passed,
    string Detail,
    double? MinimumSimilarity,
    double? Overlap,
    double? ScaleX,
    double? ScaleY,
    double? ScaleZ);
