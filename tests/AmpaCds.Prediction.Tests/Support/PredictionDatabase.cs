using AmpaCds.Persistence;
using AmpaCds.Prediction.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AmpaCds.Prediction.Tests.Support;

/// <summary>
/// A fresh, migrated Prediction database on one provider ("Sqlite": a temp file, "Postgres": a new database on the
/// test PostgreSQL), with the container the service would use for it (context, repositories, inbox runner, outbox).
/// </summary>
public sealed class PredictionDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFolder;
    private readonly string? _postgresDatabase;

    private PredictionDatabase(ServiceProvider services, string? sqliteFolder, string? postgresDatabase)
    {
        Services = services;
        _sqliteFolder = sqliteFolder;
        _postgresDatabase = postgresDatabase;
    }

    public ServiceProvider Services { get; }

    public static async Task<PredictionDatabase> CreateAsync(string provider, TimeProvider? clock = null,
        Action<IServiceCollection>? configure = null)
    {
        string? folder = null;
        string? database = null;
        string connectionString;
        if (provider == "Postgres")
        {
            database = await TestPostgres.CreateDatabaseAsync();
            connectionString = TestPostgres.ConnectionString(database);
        }
        else
        {
            folder = Directory.CreateTempSubdirectory("ampacds-prediction-db-").FullName;
            connectionString = $"Data Source={Path.Combine(folder, "prediction.db")}";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AmpaCds:Database:Provider"] = provider,
            [$"ConnectionStrings:{PredictionServiceCollectionExtensions.ServiceName}"] = connectionString,
            ["AmpaCds:DataRoot"] = folder ?? Path.GetTempPath(),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddServiceDatabase<PredictionDbContext>(configuration, PredictionServiceCollectionExtensions.ServiceName);
        services.AddPredictionRepositories();
        configure?.Invoke(services);
        var provided = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using (var scope = provided.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PredictionDbContext>().Database.MigrateAsync();
        }
        return new PredictionDatabase(provided, folder, database);
    }

    public T InScope<T>(Func<IServiceProvider, T> action)
    {
        using var scope = Services.CreateScope();
        return action(scope.ServiceProvider);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            await TestPostgres.DropDatabaseAsync(_postgresDatabase);
        }
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteFolder, recursive: true);
        }
    }
}
