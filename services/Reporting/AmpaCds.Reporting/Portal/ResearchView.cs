using AmpaCds.Reporting.Research;

namespace AmpaCds.Reporting.Portal;

/// <summary>
/// What the research page shows: one analysis (the latest, or the one opened) with its headline table, and the list
/// of published analyses. <paramref name="Headline"/> is null with <paramref name="Unreadable"/> saying why when the
/// stored result cannot be read.
/// </summary>
public sealed record ResearchView(ResearchAnalysisInfo? Current, ResearchHeadline? Headline, string? Unreadable, IReadOnlyList<ResearchAnalysisInfo> Analyses);
