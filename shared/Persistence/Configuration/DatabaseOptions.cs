namespace AmpaCds.Persistence.Configuration;

/// <summary>Settings every service's database shares (section "AmpaCds:Database").</summary>
public sealed class DatabaseOptions
{
    public const string Section = "AmpaCds:Database";

    /// <summary>"Sqlite" (default) or "Postgres".</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>How long a SQLite writer waits for another writer's lock before failing.</summary>
    public int SqliteBusyTimeoutSeconds { get; set; } = 30;

    /// <summary>Attempts to reach the database and apply migrations at start (PostgreSQL may start after us).</summary>
    public int MigrationAttempts { get; set; } = 10;

    /// <summary>First wait between migration attempts; doubles each time up to 30 s.</summary>
    public double MigrationRetryDelaySeconds { get; set; } = 1;
}
