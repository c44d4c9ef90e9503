using Microsoft.Extensions.Options;

namespace AmpaCds.Prediction.Service;

public sealed class PredictionOptionsValidation : IValidateOptions<PredictionOptions>
{
    public ValidateOptionsResult Validate(string? name, PredictionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ActiveModelRefreshSeconds is < 0 or > 3600 || double.IsNaN(options.ActiveModelRefreshSeconds))
        {
            return ValidateOptionsResult.Fail(
                $"{PredictionOptions.Section}:ActiveModelRefreshSeconds must be between 0 and 3600, not {options.ActiveModelRefreshSeconds}");
        }
        if (options.PartialVolumeMethod?.Trim().ToLowerInvariant() is not ("none" or "gtm" or "rbv"))
        {
            return ValidateOptionsResult.Fail(
                $"{PredictionOptions.Section}:PartialVolumeMethod must be none, gtm or rbv, not '{options.PartialVolumeMethod}'");
        }
        return options.CalibrationCheckSeconds is < 1 or > 86400 || double.IsNaN(options.CalibrationCheckSeconds)
            ? ValidateOptionsResult.Fail(
                $"{PredictionOptions.Section}:CalibrationCheckSeconds must be between 1 and 86400, not {options.CalibrationCheckSeconds}")
            : ValidateOptionsResult.Success;
    }
}
