using AmpaCds.Domain.Clinical;
using AmpaCds.Domain.Cohorts;
using AmpaCds.Prediction.Features;
using AmpaCds.Prediction.Training;

namespace AmpaCds.Prediction.Evaluation;

/// <summary>The patients a comparison evaluates: the same selection and checks as training (TRD, ketamine, with an outcome).</summary>
internal sealed record EvaluationSet(IReadOnlyList<EvaluationRow> Rows, FeatureLayout Layout, string DataHash)
{
    public static readonly IReadOnlyList<string> ClinicalFeatureNames = ["baseline_madrs", "age", "female"];

    public int Count => Rows.Count;

    public bool[] Labels => Rows.Select(row => row.Responder).ToArray();

    public double ResponderShare => Rows.Count(row => row.Responder) / (double)Math.Max(1, Rows.Count);

    public static EvaluationSet From(IReadOnlyList<CohortRow> cohort, TrainingOptions options)
    {
        // TrainingSet applies the feature checks and the responder definition; the clinical columns come from the same rows.
        var training = TrainingSet.From(cohort, options with { IncludeCovariates = false });
        var patients = cohort.Where(TrainingSet.IsTreatedWithKetamine).ToList();
        var rows = patients.Select((patient, i) => new EvaluationRow(
            training.Rows[i].Features,
            [patient.BaselineMadrs, patient.Age, patient.Sex == Sex.Female ? 1f : 0f],
            training.Rows[i].Label,
            training.Rows[i].MadrsChangePercent)).ToList();
        return new EvaluationSet(rows, training.Layout, training.DataHash);
    }

    public EvaluationSet WithLabels(bool[] labels) =>
        this with { Rows = Rows.Select((row, i) => row with { Responder = labels[i] }).ToList() };
}
