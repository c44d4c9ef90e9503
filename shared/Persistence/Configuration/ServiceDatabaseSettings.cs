namespace AmpaCds.Persistence.Configuration;

/// <summary>
/// The resolved database of one service's context: generic over the context so that the embedded
/// host, which runs the four services in one process, keeps four independent settings.
/// </summary>
public sealed class ServiceDatabaseSettings<TContext>
{
    public string ServiceName { get; set; } = "";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The provider name as configured, kept to name it in a validation failure.</summary>
    public string ConfiguredProvider { get; set; } = nameof(DatabaseProvider.Sqlite);

    public bool ProviderRecognised { get; set; } = true;

    /// <summary>Configuration key of the connection string, named in error messages.</summary>
    public string ConnectionStringKey => $"ConnectionStrings:{ServiceName}";

    public string? ConnectionString { get; set; }

    public int SqliteBusyTimeoutSeconds { get; set; } = 30;

    public int MigrationAttempts { get; set; } = 10;

    public double MigrationRetryDelaySeconds { get; set; } = 1;
}
