namespace AmpaCds.Persistence.Configuration;

/// <summary>Where a service keeps its tables.</summary>
public enum DatabaseProvider
{
    /// <summary>One file per service under its data folder: the embedded default, no server to run.</summary>
    Sqlite,

    /// <summary>PostgreSQL 15+: the distributed deployment, one database (or schema owner) per service.</summary>
    Postgres,
}
