namespace AmpaCds.Persistence.Tests.Support;

/// <summary>A SQLite file in a temporary folder, as the embedded default uses.</summary>
public sealed class SqliteDatabaseFixture : DatabaseFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ampacds-persistence-{Guid.NewGuid():N}");

    public override string Provider => "Sqlite";

    public string DatabaseFile => Path.Combine(_folder, "test.db");

    public override IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        ["AmpaCds:Database:Provider"] = "Sqlite",
        [$"ConnectionStrings:{ServiceName}"] = $"Data Source={DatabaseFile}",
    };

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
