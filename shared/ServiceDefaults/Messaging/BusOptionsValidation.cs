using Microsoft.Extensions.Options;

namespace AmpaCds.ServiceDefaults.Messaging;

/// <summary>A mistyped transport or broker address stops the start with the key to fix, not a bus that never connects.</summary>
public sealed class BusOptionsValidation : IValidateOptions<BusOptions>
{
    private const string Prefix = BusOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, BusOptions options)
    {
        var failures = new List<string>();
        if (!options.UsesRabbitMq && !string.Equals(options.Transport, "InMemory", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{Prefix}{nameof(options.Transport)} must be \"InMemory\" or \"RabbitMq\", not \"{options.Transport}\"");
        }
        if (options.UsesRabbitMq)
        {
            if (string.IsNullOrWhiteSpace(options.Host))
            {
                failures.Add($"{Prefix}{nameof(options.Host)} is required with the RabbitMq transport");
            }
            if (options.Port == 0)
            {
                failures.Add($"{Prefix}{nameof(options.Port)} must be 1 to 65535");
            }
            if (string.IsNullOrWhiteSpace(options.VirtualHost))
            {
                failures.Add($"{Prefix}{nameof(options.VirtualHost)} is required with the RabbitMq transport (\"/\" is the default one)");
            }
        }
        if (options.RetryIntervalsMs.Any(interval => interval < 0))
        {
            failures.Add($"{Prefix}{nameof(options.RetryIntervalsMs)} must not contain negative intervals");
        }
        if (options.ConcurrentMessageLimit < 1)
        {
            failures.Add($"{Prefix}{nameof(options.ConcurrentMessageLimit)} must be at least 1, not {options.ConcurrentMessageLimit}");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
