using AmpaCds.Persistence.Configuration;
using AmpaCds.Persistence.Tests.Support;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AmpaCds.Persistence.Tests;

/// <summary>Provider choice and its validation at start.</summary>
public sealed class ServiceDatabaseRegistrationTests
{
    private static IHost Build(Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddLogging();
        builder.Services.AddServiceDatabase<TestServiceDbContext>(builder.Configuration, "quantification");
        builder.Services.AddMassTransit(bus => bus.UsingInMemory());
        return builder.Build();
    }

    [Fact]
    public async Task Postgres_WithoutConnectionString_FailsAtStart_NamingTheKey()
    {
        using var host = Build(new() { ["AmpaCds:Database:Provider"] = "Postgres" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ConnectionStrings:quantification", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownProvider_FailsAtStart_NamingTheSetting()
    {
        using var host = Build(new() { ["AmpaCds:Database:Provider"] = "Oracle" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("AmpaCds:Database:Provider is 'Oracle'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_IsCaseInsensitive_AndPostgresTakesTheServicesConnectionString()
    {
        using var host = Build(new()
        {
            ["AmpaCds:Database:Provider"] = "postgres",
            ["ConnectionStrings:quantification"] = "Host=db.example;Database=quantification",
        });

        var settings = host.Services.GetRequiredService<IOptions<ServiceDatabaseSettings<TestServiceDbContext>>>().Value;

        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
        Assert.Equal("Host=db.example;Database=quantification", settings.ConnectionString);
    }

    [Fact]
    public async Task Sqlite_ByDefault_IsAFileInTheServiceDataFolder_InWalModeWithFullSync()
    {
        var dataRoot = Path.Combine(Path.GetTempPath(), $"ampacds-persistence-{Guid.NewGuid():N}");
        try
        {
            using var host = Build(new() { ["AmpaCds:DataRoot"] = dataRoot });
            await host.StartAsync();
            try
            {
                var expectedFile = Path.Combine(dataRoot, "quantification", "quantification.db");
                Assert.True(File.Exists(expectedFile), $"{expectedFile} was not created");
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TestServiceDbContext>();
                await db.Database.OpenConnectionAsync();
                Assert.Equal("wal", await ScalarAsync(db, "PRAGMA journal_mode"));
                Assert.Equal("2", await ScalarAsync(db, "PRAGMA synchronous"));     // 2 = FULL
                Assert.Equal("30000", await ScalarAsync(db, "PRAGMA busy_timeout"));
            }
            finally
            {
                await host.StopAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    private static async Task<string?> ScalarAsync(DbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
