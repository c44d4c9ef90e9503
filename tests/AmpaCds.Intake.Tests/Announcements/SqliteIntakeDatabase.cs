namespace AmpaCds.Intake.Tests.Announcements;

/// <summary>A SQLite file in a temporary folder, as the embedded default uses.</summary>
public sealed class SqliteIntakeDatabase : IntakeDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ampacds-intake-db-{Guid.NewGuid():N}");

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["AmpaCds:Database:Provider"] = "Sqlite",
        ["ConnectionStrings:intake"] = $"Data Source={Path.Combine(_folder, "intake.db")}",
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
