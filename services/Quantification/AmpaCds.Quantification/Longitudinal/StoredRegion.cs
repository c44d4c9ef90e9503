namespace AmpaCds.Quantification.Longitudinal;

/// <summary>
/// What Quantification keeps of one region of a measured study. Its own type, stored as JSON in
/// StudyResults.Regions: a change to the RegionalUptake message must not change what is on disk.
/// </summary>
public sealed record StoredRegion(string Name, double Suvr, double? ZScore);
