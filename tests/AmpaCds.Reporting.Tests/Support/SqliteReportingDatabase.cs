namespace AmpaCds.Reporting.Tests.Support;

/// <summary>A SQLite file in a temporary folder, as the embedded default uses.</summary>
public sealed class SqliteReportingDatabase : ReportingDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ampacds-reporting-db-{Guid.NewGuid():N}");

    public override string Provider => "Sqlite";

    public override IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        ["AmpaCds:Database:Provider"] = "Sqlite",
        ["ConnectionStrings:reporting"] = $"Data Source={Path.Combine(_folder, "reporting.db")}",
    };

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        await base.DisposeAsync();
    }
}
