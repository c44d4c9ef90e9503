using AmpaCds.Prediction.Features;
using AmpaCds.Prediction.Model;

namespace AmpaCds.Prediction.Tests;

public class FeatureValidationTests
{
    private static ResponseModel Model => SharedModels.Default;

    [Fact]
    public void Valid_input_gives_a_forecast_from_the_model_version()
    {
        var forecast = Model.Predict(SharedModels.PatientSuvr());

        Assert.InRange(forecast.ResponseProbability, 0, 1);
        Assert.InRange(forecast.ExpectedMadrsChangePercent, -100, 100);
        Assert.Equal(Model.Version, forecast.ModelVersion);
        Assert.True(forecast.TrainedOnSyntheticData);
    }

    [Fact]
    public void Missing_region_is_named()
    {
        var suvr = SharedModels.PatientSuvr();
        suvr.Remove("lateral_habenula");

        var error = Assert.Throws<FeatureValidationException>(() => Model.Predict(suvr));

        Assert.Equal(FeatureValidationFailure.MissingRegion, error.Failure);
        Assert.Contains("lateral_habenula", error.Message);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Non_finite_value_is_named(double value, string shown)
    {
        var suvr = SharedModels.PatientSuvr();
        suvr["caudate"] = value;

        var error = Assert.Throws<FeatureValidationException>(() => Model.Predict(suvr));

        Assert.Equal(FeatureValidationFailure.NonFiniteValue, error.Failure);
        Assert.Contains("'caudate'", error.Message);
        Assert.Contains(shown, error.Message);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(7.5)]
    public void Implausible_suvr_is_refused_with_the_range(double value)
    {
        var suvr = SharedModels.PatientSuvr();
        suvr["thalamus"] = value;

        var error = Assert.Throws<FeatureValidationException>(() => Model.Predict(suvr));

        Assert.Equal(FeatureValidationFailure.OutOfPlausibleRange, error.Failure);
        Assert.Contains("'thalamus'", error.Message);
        Assert.Contains("0.2-5", error.Message);
    }

    [Fact]
    public void Regions_from_a_different_atlas_are_named()
    {
        var suvr = SharedModels.PatientSuvr();
        suvr["superior_frontal_gyrus"] = 1.1;

        var error = Assert.Throws<FeatureValidationException>(() => Model.Predict(suvr));

        Assert.Equal(FeatureValidationFailure.UnknownRegion, error.Failure);
        Assert.Contains("superior_frontal_gyrus", error.Message);
    }

    [Fact]
    public void Covariate_checks_apply_when_the_model_uses_covariates()
    {
        var layout = new FeatureLayout(["frontal_cortex"], IncludesCovariates: true);
        var suvr = new Dictionary<string, double> { ["frontal_cortex"] = 1.2 };

        var missing = Assert.Throws<FeatureValidationException>(() => FeatureValidator.BuildFeatures(layout, suvr, null, PlausibleRanges.Default));
        var outOfRange = Assert.Throws<FeatureValidationException>(() =>
            FeatureValidator.BuildFeatures(layout, suvr, new PatientCovariates(40, 75), PlausibleRanges.Default));

        Assert.Equal(FeatureValidationFailure.MissingCovariates, missing.Failure);
        Assert.Equal(FeatureValidationFailure.CovariateOutOfRange, outOfRange.Failure);
        Assert.Contains("Baseline MADRS = 75", outOfRange.Message);
    }
}
