namespace AmpaCds.Research.Analytics.Cohort;

/// <summary>
/// Every analysis of <see cref="CohortAnalysis.Run"/>. An analysis the cohort cannot support (no follow-up SUVR, too
/// few patients in an arm) is null and <see cref="Notes"/> says why.
/// </summary>
public sealed record CohortAnalysisResult(
    CohortCounts Counts,
    bool Covariates,
    double FdrLevel,
    IReadOnlyList<TwoGroupRow> GroupComparison,
    IReadOnlyList<CorrelationRow>? Severity,
    IReadOnlyList<PairedChangeRow>? KetamineChange,
    IReadOnlyList<CorrelationRow>? ChangeVsImprovement,
    IReadOnlyList<TwoGroupRow>? ArmComparison,
    IReadOnlyList<CorrelationRow>? Prediction,
    IReadOnlyList<string> Notes);
