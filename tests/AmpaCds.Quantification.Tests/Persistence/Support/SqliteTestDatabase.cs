namespace AmpaCds.Quantification.Tests.Persistence.Support;

/// <summary>A SQLite file in a temporary folder, as the embedded default uses.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ampacds-quantification-db-{Guid.NewGuid():N}");

    public SqliteTestDatabase() => Directory.CreateDirectory(_folder);

    public override IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        ["AmpaCds:Database:Provider"] = "Sqlite",
        [$"ConnectionStrings:{ServiceName}"] = $"Data Source={Path.Combine(_folder, "quantification.db")}",
    };

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
