using AmpaCds.Prediction.Service;

namespace AmpaCds.Prediction.Tests;

/// <summary>AmpaCds:Prediction:PartialVolumeMethod chooses among the shipped models; an unknown value stops the start naming the key.</summary>
public sealed class PredictionOptionsValidationTests
{
    [Theory]
    [InlineData("none")]
    [InlineData("GTM")]
    [InlineData("rbv")]
    public void The_three_methods_are_accepted(string method) =>
        Assert.True(new PredictionOptionsValidation().Validate(null, new PredictionOptions { PartialVolumeMethod = method }).Succeeded);

    [Fact]
    public void An_unknown_method_is_refused_with_its_key()
    {
        var result = new PredictionOptionsValidation().Validate(null, new PredictionOptions { PartialVolumeMethod = "pvc" });

        Assert.True(result.Failed);
        Assert.Equal("AmpaCds:Prediction:PartialVolumeMethod must be none, gtm or rbv, not 'pvc'", result.FailureMessage);
    }
}
