namespace AmpaCds.Reporting.Quality;

/// <summary>Region names carried as a check's argument; shown in the reader's language by <see cref="QualityText"/>.</summary>
public sealed record RegionList(IReadOnlyList<string> Names);
