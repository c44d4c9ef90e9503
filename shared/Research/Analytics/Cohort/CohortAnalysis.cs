using AmpaCds.Domain.Clinical;
using AmpaCds.Domain.Cohorts;
using AmpaCds.Research.Analytics.Statistics;

namespace AmpaCds.Research.Analytics.Cohort;

/// <summary>
/// The study's regional analyses over a cohort CSV (docs/ANALYTICS.md): TRD vs healthy controls, severity,
/// ketamine change with its relation to improvement and to controls, ketamine vs placebo, and baseline prediction.
/// </summary>
public static class CohortAnalysis
{
    /// <summary>Fewest subjects per group for the TRD vs control comparison (a variance needs two; three keeps it meaningful).</summary>
    public const int MinimumGroupSize = 3;

    /// <summary>Fewest pairs for a correlation: the Fisher-z interval needs n − 3 &gt; 0.</summary>
    public const int MinimumCorrelationSize = 4;

    public const double FdrLevel = 0.05;

    public static CohortAnalysisResult Run(IReadOnlyList<CohortRow> rows, bool covariates = false)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var regions = rows.SelectMany(row => row.BaselineSuvr.Keys).Distinct(StringComparer.Ordinal).ToList();
        var healthy = rows.Where(row => row.Group == SubjectGroup.Healthy).ToList();
        var trd = rows.Where(row => row.Group == SubjectGroup.Trd).ToList();
        if (healthy.Count < MinimumGroupSize || trd.Count < MinimumGroupSize)
        {
            throw new CohortAnalysisException(
                $"TRD vs healthy controls needs at least {MinimumGroupSize} subjects in each group; the cohort has {trd.Count} TRD and {healthy.Count} healthy.");
        }

        var missing = regions.FirstOrDefault(region => rows.Any(row => !row.BaselineSuvr.ContainsKey(region)));
        if (missing is not null)
        {
            throw new CohortAnalysisException($"Column '{CohortCsv.SuvrColumnPrefix}{missing}' is empty for some subjects; every subject needs a baseline SUVR in every region.");
        }

        var ketamine = Treated(trd, TreatmentArm.Ketamine);
        var placebo = Treated(trd, TreatmentArm.Placebo);
        var ketamineFollowUp = WithFollowUp(ketamine, regions);
        var placeboFollowUp = WithFollowUp(placebo, regions);
        var notes = new List<string>();

        var groups = RegionalTests.TwoGroups(regions, Suvr(trd), Suvr(healthy));
        if (covariates)
        {
            var both = trd.Concat(healthy).ToList();
            IReadOnlyList<IReadOnlyList<double>> predictors =
                both.Select(row => (IReadOnlyList<double>)[row.Group == SubjectGroup.Trd ? 1 : 0, row.Age, row.Sex == Sex.Male ? 1 : 0]).ToList();
            groups = RegionalTests.Adjusted(groups, region => (predictors, Suvr(both)(region)));
        }

        var severity = Enough(trd, "Severity (SUVR vs baseline MADRS in TRD)", notes)
            ? RegionalTests.Correlations(regions, region => (Suvr(trd)(region), trd.Select(row => (double)row.BaselineMadrs).ToList()))
            : null;

        List<PairedChangeRow>? change = null;
        List<CorrelationRow>? changeVsImprovement = null;
        if (Enough(ketamineFollowUp, "Ketamine change (needs followup_suvr_<region> columns)", notes))
        {
            var healthyMean = (string region) => Sample.Mean(Suvr(healthy)(region));
            change = RegionalTests.Paired(regions, region => (Suvr(ketamineFollowUp)(region), FollowUp(ketamineFollowUp)(region)), healthyMean);
            // Improvement = −(% MADRS change): a positive r means a rise in SUVR accompanies improvement (SCIENCE.md wording).
            changeVsImprovement = RegionalTests.Correlations(regions, region =>
                (Change(ketamineFollowUp)(region), ketamineFollowUp.Select(row => -row.MadrsChangePercent!.Value).ToList()));
        }

        List<TwoGroupRow>? arms = null;
        if (change is not null && placeboFollowUp.Count >= MinimumGroupSize)
        {
            arms = RegionalTests.TwoGroups(regions, Change(ketamineFollowUp), Change(placeboFollowUp));
        }
        else
        {
            notes.Add($"Ketamine vs placebo: skipped, needs at least {MinimumGroupSize} patients with a follow-up scan in each arm " +
                $"({ketamineFollowUp.Count} ketamine, {placeboFollowUp.Count} placebo).");
        }

        var prediction = Enough(ketamine, "Baseline prediction (baseline SUVR vs % MADRS change, ketamine arm)", notes)
            ? RegionalTests.Correlations(regions, region => (Suvr(ketamine)(region), ketamine.Select(row => row.MadrsChangePercent!.Value).ToList()))
            : null;

        var counts = new CohortCounts(healthy.Count, trd.Count, ketamine.Count, placebo.Count, ketamineFollowUp.Count, placeboFollowUp.Count);
        return new CohortAnalysisResult(counts, covariates, FdrLevel, groups, severity, change, changeVsImprovement, arms, prediction, notes);
    }

    private static bool Enough(IReadOnlyCollection<CohortRow> rows, string analysis, List<string> notes)
    {
        if (rows.Count >= MinimumCorrelationSize)
        {
            return true;
        }

        notes.Add($"{analysis}: skipped, needs at least {MinimumCorrelationSize} patients, the cohort has {rows.Count}.");
        return false;
    }

    /// <summary>Patients of an arm with a recorded outcome (the % MADRS change every treated analysis reads).</summary>
    private static List<CohortRow> Treated(IEnumerable<CohortRow> trd, TreatmentArm arm) =>
        trd.Where(row => row.Arm == arm && row.MadrsChangePercent is not null).ToList();

    private static List<CohortRow> WithFollowUp(IEnumerable<CohortRow> rows, IReadOnlyList<string> regions) =>
        rows.Where(row => row.FollowUpSuvr is { } f && regions.All(f.ContainsKey)).ToList();

    private static Func<string, IReadOnlyList<double>> Suvr(IReadOnlyList<CohortRow> rows) =>
        region => rows.Select(row => row.BaselineSuvr[region]).ToList();

    private static Func<string, IReadOnlyList<double>> FollowUp(IReadOnlyList<CohortRow> rows) =>
        region => rows.Select(row => row.FollowUpSuvr![region]).ToList();

    private static Func<string, IReadOnlyList<double>> Change(IReadOnlyList<CohortRow> rows) =>
        region => rows.Select(row => row.FollowUpSuvr![region] - row.BaselineSuvr[region]).ToList();
}
