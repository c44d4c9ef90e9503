namespace AmpaCds.Persistence.Tests.Support;

/// <summary>A fresh database on the test PostgreSQL, dropped afterwards.</summary>
public sealed class PostgresDatabaseFixture : DatabaseFixture
{
    private string _database = "";

    public override string Provider => "Postgres";

    public string ConnectionString => TestPostgres.ConnectionString(_database);

    public override IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        ["AmpaCds:Database:Provider"] = "Postgres",
        [$"ConnectionStrings:{ServiceName}"] = ConnectionString,
    };

    public override async Task InitializeAsync() => _database = await TestPostgres.CreateDatabaseAsync();

    public override Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_database);
}
