using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AmpaCds.Domain.Clinical;
using AmpaCds.Domain.Cohorts;
using AmpaCds.Prediction.Features;
using AmpaCds.Prediction.Model;

namespace AmpaCds.Prediction.Training;

/// <summary>
/// The rows a response model learns from: TRD patients in the ketamine arm with a known MADRS change. The label is
/// recomputed from the change with the training criteria, so the model card's definition always matches the labels.
/// </summary>
internal sealed record TrainingSet(IReadOnlyList<ModelInput> Rows, FeatureLayout Layout, string DataHash)
{
    public double ResponderShare => Rows.Count == 0 ? 0 : Rows.Count(row => row.Label) / (double)Rows.Count;

    public static TrainingSet From(IReadOnlyList<CohortRow> cohort, TrainingOptions options)
    {
        var layout = new FeatureLayout(options.Regions, options.IncludeCovariates);
        var rows = new List<ModelInput>();
        foreach (var row in cohort.Where(IsTreatedWithKetamine))
        {
            rows.Add(new ModelInput
            {
                Features = FeaturesOf(row, layout, options.Ranges),
                Label = options.Outcome.IsResponder(row.MadrsChangePercent!.Value),
                MadrsChangePercent = (float)row.MadrsChangePercent!.Value,
            });
        }

        return new TrainingSet(rows, layout, Hash(rows, layout));
    }

    public static bool IsTreatedWithKetamine(CohortRow row) =>
        row is { Group: SubjectGroup.Trd, Arm: TreatmentArm.Ketamine, MadrsChangePercent: not null };

    /// <summary>Training rows pass the same checks as forecasts, so bad data fails here and names the subject.</summary>
    private static float[] FeaturesOf(CohortRow row, FeatureLayout layout, PlausibleRanges ranges)
    {
        try
        {
            return FeatureValidator.BuildFeatures(layout, row.BaselineSuvr, new PatientCovariates(row.Age, row.BaselineMadrs), ranges);
        }
        catch (FeatureValidationException e)
        {
            throw new FeatureValidationException(e.Failure, $"Training subject '{row.SubjectId}': {e.Message}");
        }
    }

    /// <summary>SHA-256 over feature names, then every row's features and outcomes as round-trip text.</summary>
    private static string Hash(IReadOnlyList<ModelInput> rows, FeatureLayout layout)
    {
        var text = new StringBuilder(string.Join(',', layout.FeatureNames)).Append('\n');
        foreach (var row in rows)
        {
            foreach (var value in row.Features)
            {
                text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(',');
            }

            text.Append(row.Label ? '1' : '0').Append(',')
                .Append(row.MadrsChangePercent.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return Sha256Hex(text.ToString());
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
