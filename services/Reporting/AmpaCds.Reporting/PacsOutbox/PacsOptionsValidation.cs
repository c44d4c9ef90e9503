using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.PacsOutbox;

public sealed class PacsOptionsValidation : IValidateOptions<PacsOptions>
{
    public ValidateOptionsResult Validate(string? name, PacsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IsAeTitle(options.CallingAeTitle))
        {
            failures.Add($"{PacsOptions.Section}:CallingAeTitle must be 1-16 characters without backslash, not '{options.CallingAeTitle}'");
        }
        if (Localization.UiLanguages.Parse(options.Language) is null)
        {
            failures.Add($"{PacsOptions.Section}:Language must be 'ja' or 'en', not '{options.Language}'");
        }
        if (options.PollIntervalSeconds <= 0 || options.RetryDelaySeconds <= 0 || options.MaxRetryDelaySeconds < options.RetryDelaySeconds
            || options.TimeoutSeconds <= 0 || options.MaxAttempts < 1)
        {
            failures.Add($"{PacsOptions.Section}: intervals, TimeoutSeconds and MaxAttempts must be positive and MaxRetryDelaySeconds >= RetryDelaySeconds");
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < options.Destinations.Count; index++)
        {
            var destination = options.Destinations[index];
            var key = $"{PacsOptions.Section}:Destinations:{index}";
            if (string.IsNullOrWhiteSpace(destination.Name) || destination.Name.Length > 64)
            {
                failures.Add($"{key}:Name is required (at most 64 characters)");
            }
            else if (!names.Add(destination.Name))
            {
                failures.Add($"{key}:Name '{destination.Name}' is used by another destination");
            }
            if (!IsAeTitle(destination.AeTitle))
            {
                failures.Add($"{key}:AeTitle must be 1-16 characters without backslash, not '{destination.AeTitle}'");
            }
            if (string.IsNullOrWhiteSpace(destination.Host))
            {
                failures.Add($"{key}:Host is required");
            }
            if (destination.Port is < 1 or > 65535)
            {
                failures.Add($"{key}:Port must be 1-65535, not {destination.Port}");
            }
            if (destination.Tls is { Enabled: true } tls)
            {
                if (string.IsNullOrWhiteSpace(tls.CaCertificatePath) || !File.Exists(tls.CaCertificatePath))
                {
                    failures.Add($"{key}:Tls:CaCertificatePath must name an existing PEM file, not '{tls.CaCertificatePath}'");
                }
                if (string.IsNullOrWhiteSpace(tls.ClientCertificatePath) != string.IsNullOrWhiteSpace(tls.ClientKeyPath))
                {
                    failures.Add($"{key}:Tls: ClientCertificatePath and ClientKeyPath go together");
                }
                else if (!string.IsNullOrWhiteSpace(tls.ClientCertificatePath) && (!File.Exists(tls.ClientCertificatePath) || !File.Exists(tls.ClientKeyPath)))
                {
                    failures.Add($"{key}:Tls: ClientCertificatePath and ClientKeyPath must name existing PEM files");
                }
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAeTitle(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 16 && !value.Contains('\\', StringComparison.Ordinal) && value.All(c => c is >= ' ' and <= '~');
}
