using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace AmpaCds.Intake.Tests.Announcements;

/// <summary>
/// The private PostgreSQL the tests use (the pattern of tests/AmpaCds.Persistence.Tests): deploy/postgres.sh
/// starts it once per run; each test class gets a fresh database. Port AMPACDS_TEST_POSTGRES_PORT (default 5435).
/// </summary>
public static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _started;

    public static int Port { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("AMPACDS_TEST_POSTGRES_PORT"), out var port) ? port : 5435;

    public static string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=ampacds;Database={database};Pooling=false";

    public static async Task<string> CreateDatabaseAsync()
    {
        await EnsureRunningAsync();
        var name = $"test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    public static Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    private static async Task EnsureRunningAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_started)
            {
                return;
            }
            var root = RepositoryRoot();
            var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(root, "deploy", "postgres.sh"));
            start.ArgumentList.Add("start");
            start.Environment["AMPACDS_POSTGRES_PORT"] = Port.ToString(CultureInfo.InvariantCulture);
            start.Environment["AMPACDS_STATE"] = Environment.GetEnvironmentVariable("AMPACDS_STATE") ?? Path.Combine(root, ".local", "test");
            using var process = Process.Start(start) ?? throw new InvalidOperationException("deploy/postgres.sh did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(limit.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"PostgreSQL did not start (deploy/postgres.sh start, exit {process.ExitCode}): {await output}{await error}");
            }
            _started = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("ampacds"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AmpaCds.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException("AmpaCds.sln not found above the test assembly");
    }
}
