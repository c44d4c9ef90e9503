namespace AmpaCds.Reporting.Studies.Stored;

/// <summary>One atlas region's measurement as the report shows it.</summary>
public sealed record StoredRegion(string Name, double SuvMean, double Suvr, int Voxels, double Coverage, double? ZScore);
