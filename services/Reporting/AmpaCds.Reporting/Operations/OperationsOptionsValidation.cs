using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Operations;

public sealed class OperationsOptionsValidation : IValidateOptions<OperationsOptions>
{
    public ValidateOptionsResult Validate(string? name, OperationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.QueueSampleSeconds is < 1 or > 3600)
        {
            failures.Add($"{OperationsOptions.Section}:QueueSampleSeconds must be 1-3600, not {options.QueueSampleSeconds}");
        }
        for (var index = 0; index < options.Services.Count; index++)
        {
            var service = options.Services[index];
            if (string.IsNullOrWhiteSpace(service.Name))
            {
                failures.Add($"{OperationsOptions.Section}:Services:{index}:Name is required");
            }
            if (!Uri.TryCreate(service.HealthUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"{OperationsOptions.Section}:Services:{index}:HealthUrl must be an absolute http(s) URL, not '{service.HealthUrl}'");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
