using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Clients;

/// <summary>Maps carry patient images: outside Development they travel only over https.</summary>
public sealed class QuantificationClientOptionsValidation(IHostEnvironment environment) : IValidateOptions<QuantificationClientOptions>
{
    public ValidateOptionsResult Validate(string? name, QuantificationClientOptions options)
    {
        var failures = new List<string>();
        var key = $"{QuantificationClientOptions.Section}:{nameof(QuantificationClientOptions.QuantificationUrl)}";
        if (!Uri.TryCreate(options.QuantificationUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            failures.Add($"{key} must be Quantification's https URL, not '{options.QuantificationUrl}'");
        }
        else if (url.Scheme == "http" && !environment.IsDevelopment())
        {
            failures.Add($"{key} '{options.QuantificationUrl}' is plain http; only the Development environment may use it (give Quantification a certificate: deploy/certs.sh)");
        }
        if (options.MaxRetries is < 0 or > 5)
        {
            failures.Add($"{QuantificationClientOptions.Section}:{nameof(QuantificationClientOptions.MaxRetries)} must be between 0 and 5, not {options.MaxRetries}");
        }
        if (options.AttemptTimeout <= TimeSpan.Zero || options.AttemptTimeout > TimeSpan.FromMinutes(2))
        {
            failures.Add($"{QuantificationClientOptions.Section}:{nameof(QuantificationClientOptions.AttemptTimeout)} must be between 0 and 2 minutes, not {options.AttemptTimeout}");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
