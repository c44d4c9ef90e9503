namespace AmpaCds.Quantification.Tests.Configuration;

/// <summary>A partial-volume setting that would make every measurement wrong stops the start, naming its key.</summary>
public sealed class PartialVolumeOptionsValidationTests
{
    [Theory]
    [InlineData("pvc", 5.0, "AmpaCds:Quantification:PartialVolume:Method must be one of none, gtm, rbv, not 'pvc'")]
    [InlineData("gtm", 0.0, "AmpaCds:Quantification:PartialVolume:FwhmMm must be more than 0 and less than 20 mm, not 0")]
    [InlineData("rbv", 20.0, "AmpaCds:Quantification:PartialVolume:FwhmMm must be more than 0 and less than 20 mm, not 20")]
    public void AnInvalidSettingIsRefusedWithItsKey(string method, double fwhm, string message)
    {
        var options = new QuantificationOptions { PartialVolume = new PartialVolumeOptions { Method = method, FwhmMm = fwhm } };

        var result = new QuantificationOptionsValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal([message], result.Failures);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("GTM")]
    [InlineData("rbv")]
    public void TheThreeMethodsAreAccepted(string method) =>
        Assert.True(new QuantificationOptionsValidation().Validate(null,
            new QuantificationOptions { PartialVolume = new PartialVolumeOptions { Method = method, FwhmMm = 4.5 } }).Succeeded);
}
