using Microsoft.Extensions.Options;

namespace AmpaCds.Security.Access;

/// <summary>A service that must call another one cannot work without its client credentials: stop it at start.</summary>
public sealed class ServiceIdentityOptionsValidation : IValidateOptions<ServiceIdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceIdentityOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{ServiceIdentityOptions.Section}:{nameof(ServiceIdentityOptions.ClientId)} must name this service's client at the issuer (e.g. ampacds-reporting)");
        }
        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add($"{ServiceIdentityOptions.Section}:{nameof(ServiceIdentityOptions.ClientSecret)} must be set " +
                "(environment AmpaCds__ServiceIdentity__ClientSecret; deploy/run-local.sh generates one)");
        }
        if (options.RenewBeforeExpiry < TimeSpan.Zero || options.RenewBeforeExpiry > TimeSpan.FromMinutes(30))
        {
            failures.Add($"{ServiceIdentityOptions.Section}:{nameof(ServiceIdentityOptions.RenewBeforeExpiry)} must be between 0 and 30 minutes, not {options.RenewBeforeExpiry}");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
