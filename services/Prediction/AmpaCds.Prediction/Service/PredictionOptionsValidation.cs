using Microsoft.Extensions.Options;

namespace AmpaCds.Prediction.Service;

public sealed class PredictionOptionsValidation : IValidateOptions<PredictionOptions>
{
    public ValidateOptionsResult Validate(string? name, PredictionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ActiveModelRefreshSeconds is < 0 or > 3600 || double.IsNaN(options.ActiveModelRefreshSeconds)
            ? ValidateOptionsResult.Fail(
                $"{PredictionOptions.Section}:ActiveModelRefreshSeconds must be between 0 and 3600, not {options.ActiveModelRefreshSeconds}")
            : ValidateOptionsResult.Success;
    }
}
