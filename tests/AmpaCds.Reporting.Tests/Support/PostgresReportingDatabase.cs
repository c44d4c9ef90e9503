namespace AmpaCds.Reporting.Tests.Support;

/// <summary>A fresh database on the test PostgreSQL (deploy/postgres.sh, port AMPACDS_TEST_POSTGRES_PORT), dropped afterwards.</summary>
public sealed class PostgresReportingDatabase : ReportingDatabase
{
    private string _database = "";

    public override string Provider => "Postgres";

    public override IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        ["AmpaCds:Database:Provider"] = "Postgres",
        ["ConnectionStrings:reporting"] = TestPostgres.ConnectionString(_database),
    };

    public override async Task InitializeAsync() => _database = await TestPostgres.CreateDatabaseAsync();

    public override async Task DisposeAsync()
    {
        await TestPostgres.DropDatabaseAsync(_database);
        await base.DisposeAsync();
    }
}
