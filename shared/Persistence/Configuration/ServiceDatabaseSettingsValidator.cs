using Microsoft.Extensions.Options;

namespace AmpaCds.Persistence.Configuration;

/// <summary>Fails the start with a message that names the configuration key to fix.</summary>
public sealed class ServiceDatabaseSettingsValidator<TContext> : IValidateOptions<ServiceDatabaseSettings<TContext>>
{
    public ValidateOptionsResult Validate(string? name, ServiceDatabaseSettings<TContext> options)
    {
        var failures = new List<string>();
        if (!options.ProviderRecognised)
        {
            failures.Add($"{DatabaseOptions.Section}:Provider is '{options.ConfiguredProvider}'; use 'Sqlite' or 'Postgres'.");
        }
        else if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{DatabaseOptions.Section}:Provider is Postgres but the connection string {options.ConnectionStringKey} " +
                $"(environment ConnectionStrings__{options.ServiceName}) is not set.");
        }
        if (options.SqliteBusyTimeoutSeconds <= 0)
        {
            failures.Add($"{DatabaseOptions.Section}:SqliteBusyTimeoutSeconds must be positive.");
        }
        if (options.MigrationAttempts <= 0 || options.MigrationRetryDelaySeconds <= 0)
        {
            failures.Add($"{DatabaseOptions.Section}:MigrationAttempts and MigrationRetryDelaySeconds must be positive.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
