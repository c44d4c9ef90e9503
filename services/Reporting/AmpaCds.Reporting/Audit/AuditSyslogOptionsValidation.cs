using Microsoft.Extensions.Options;

namespace AmpaCds.Reporting.Audit;

public sealed class AuditSyslogOptionsValidation : IValidateOptions<AuditSyslogOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditSyslogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add($"{AuditSyslogOptions.Section}:Host is required");
        }
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{AuditSyslogOptions.Section}:Port must be 1-65535");
        }
        if (string.IsNullOrWhiteSpace(options.CaCertificatePath) || !File.Exists(options.CaCertificatePath))
        {
            failures.Add($"{AuditSyslogOptions.Section}:CaCertificatePath must name an existing PEM file");
        }
        if (string.IsNullOrWhiteSpace(options.ClientCertificatePath) != string.IsNullOrWhiteSpace(options.ClientKeyPath))
        {
            failures.Add($"{AuditSyslogOptions.Section}: ClientCertificatePath and ClientKeyPath go together");
        }
        if (options.Facility is not (10 or 13))
        {
            failures.Add($"{AuditSyslogOptions.Section}:Facility must be 10 (authpriv) or 13 (log audit)");
        }
        if (options.BatchSize < 1 || options.PollIntervalSeconds <= 0 || options.RetryDelaySeconds <= 0
            || options.MaxRetryDelaySeconds < options.RetryDelaySeconds || options.ConnectTimeoutSeconds <= 0)
        {
            failures.Add($"{AuditSyslogOptions.Section}: BatchSize and intervals must be positive, MaxRetryDelaySeconds >= RetryDelaySeconds");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
