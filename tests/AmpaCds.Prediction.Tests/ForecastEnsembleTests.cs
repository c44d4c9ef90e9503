using AmpaCds.Prediction.Evaluation;
using AmpaCds.Prediction.Model;
using AmpaCds.Prediction.Training;
using Xunit.Abstractions;

namespace AmpaCds.Prediction.Tests;

public class ForecastEnsembleTests(ITestOutputHelper output)
{
    [Fact]
    public void Default_model_gives_a_calibrated_probability_with_a_90_percent_interval()
    {
        var model = SharedModels.Default;
        var detail = model.Forecast(SharedModels.PatientSuvr());
        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(detail));
        output.WriteLine(model.Card.Summary);

        Assert.Equal("platt (out-of-fold logits)", detail.CalibrationMethod);
        Assert.Equal(50, model.Card.BootstrapMembers);
        var p = detail.ResponseProbabilityInterval90!;
        var change = detail.ExpectedMadrsChangeInterval90!;
        Assert.True(p.Lower < p.Upper && p.Lower >= 0 && p.Upper <= 1, $"{p}");
        Assert.True(p.Contains(detail.Forecast.ResponseProbability), $"{detail.Forecast.ResponseProbability} outside {p}");
        Assert.True(change.Lower < change.Upper && change.Contains(detail.Forecast.ExpectedMadrsChangePercent), $"{change}");
    }

    [Fact]
    public void Contributions_add_up_to_the_calibrated_logit_and_are_sorted()
    {
        var model = SharedModels.Default;
        var ensemble = model.Ensemble!;
        var detail = model.Forecast(SharedModels.PatientSuvr(2));

        Assert.Equal(18, detail.Contributions.Count);
        Assert.Equal(detail.Contributions.OrderByDescending(c => Math.Abs(c.LogitContribution)), detail.Contributions);
        var baseline = ensemble.Calibration.Intercept + ensemble.Calibration.Slope * ensemble.Classifier.Bias;
        Assert.Equal(BinaryMetrics.Logit(detail.Forecast.ResponseProbability), baseline + detail.Contributions.Sum(c => c.LogitContribution), 6);
    }

    [Fact]
    public void Lateral_habenula_density_pushes_away_from_response_and_parietal_toward_it()
    {
        // Effect model: improvement weight -10 for the lateral habenula, +7 parietal (docs/SCIENCE.md, assumed magnitudes).
        var weights = SharedModels.Default.Ensemble!;
        var names = weights.FeatureNames.ToList();
        Assert.True(weights.Classifier.Weights[names.IndexOf("suvr_lateral_habenula")] < 0);
        Assert.True(weights.Classifier.Weights[names.IndexOf("suvr_parietal_cortex")] > 0);

        var importance = SharedModels.Default.Card.GlobalImportance;
        Assert.Equal(1.0, importance.Values.Sum(), 6);
        Assert.Contains("suvr_lateral_habenula", importance.Keys.Take(5));
    }

    [Fact]
    public void Saved_and_loaded_model_gives_the_identical_detailed_forecast()
    {
        var folder = Directory.CreateTempSubdirectory("ampacds-ensemble-");
        try
        {
            var version = SharedModels.Default.Save(folder.FullName);
            using var loaded = ResponseModel.Load(version);
            var patient = SharedModels.PatientSuvr(1);

            var before = SharedModels.Default.Forecast(patient);
            var after = loaded.Forecast(patient);
            Assert.Equal(before.Forecast, after.Forecast);
            Assert.Equal(before.ResponseProbabilityInterval90, after.ResponseProbabilityInterval90);
            Assert.Equal(before.ExpectedMadrsChangeInterval90, after.ExpectedMadrsChangeInterval90);
            Assert.Equal(before.Contributions, after.Contributions);
            Assert.Equal(SharedModels.Default.Card.Summary, loaded.Card.Summary);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_ensemble_and_forecast()
    {
        var cohort = SharedModels.TrainingCohort(9, nullSignal: false, n: 150);
        var options = new TrainingOptions { Seed = 4, Trainer = ResponseTrainerKind.LogisticRegression, BootstrapMembers = 10 };
        using var first = ResponseModelTrainer.Train(cohort, options);
        using var second = ResponseModelTrainer.Train(cohort, options);
        var patient = SharedModels.PatientSuvr(3);

        Assert.Equal(first.Version, second.Version);
        Assert.Equal(first.Forecast(patient).ResponseProbabilityInterval90, second.Forecast(patient).ResponseProbabilityInterval90);
        Assert.Equal(first.Forecast(patient).Contributions, second.Forecast(patient).Contributions);
    }
}
