namespace AmpaCds.Quantification.Tests.Persistence.Support;

/// <summary>A fresh database on the test PostgreSQL (deploy/postgres.sh, AMPACDS_TEST_POSTGRES_PORT), dropped afterwards.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _name;

    private PostgresTestDatabase(string name) => _name = name;

    public static async Task<PostgresTestDatabase> CreateAsync() => new(await TestPostgres.CreateDatabaseAsync());

    public override IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        ["AmpaCds:Database:Provider"] = "Postgres",
        [$"ConnectionStrings:{ServiceName}"] = TestPostgres.ConnectionString(_name),
    };

    public override async ValueTask DisposeAsync() => await TestPostgres.DropDatabaseAsync(_name);
}
