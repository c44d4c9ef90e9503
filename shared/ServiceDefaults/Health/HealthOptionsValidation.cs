using Microsoft.Extensions.Options;

namespace AmpaCds.ServiceDefaults.Health;

public sealed class HealthOptionsValidation : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MinimumFreeDiskBytes < 0
            ? ValidateOptionsResult.Fail($"{HealthOptions.Section}:MinimumFreeDiskBytes must not be negative, not {options.MinimumFreeDiskBytes}")
            : ValidateOptionsResult.Success;
    }
}
