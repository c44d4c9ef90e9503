namespace AmpaCds.Intake.Tests.Announcements;

/// <summary>A fresh database on the test PostgreSQL, dropped afterwards.</summary>
public sealed class PostgresIntakeDatabase : IntakeDatabase
{
    private string _database = "";

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AmpaCds:Database:Provider"] = "Postgres",
        ["ConnectionStrings:intake"] = TestPostgres.ConnectionString(_database),
    };

    public override async Task InitializeAsync() => _database = await TestPostgres.CreateDatabaseAsync();

    public override Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_database);
}
