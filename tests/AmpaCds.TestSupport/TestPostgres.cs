using System.Globalization;
using Npgsql;

namespace AmpaCds.TestSupport;

/// <summary>
/// The private PostgreSQL the tests use: deploy/postgres.sh starts it (once per test run; deploy/test.sh
/// has usually started it already); each test class gets its own fresh database so no test sees another's rows.
/// </summary>
public static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _started;

    public static int Port { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("AMPACDS_TEST_POSTGRES_PORT"), out var port) ? port : 5435;

    public static string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=ampacds;Database={database};Pooling=false";

    public static async Task EnsureRunningAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_started)
            {
                return;
            }
            var script = RepositoryRoot.Script("postgres.sh");
            var (exitCode, output) = await ScriptRunner.RunAsync("bash", [script, "start"], TimeSpan.FromMinutes(5),
                new Dictionary<string, string>
                {
                    ["AMPACDS_POSTGRES_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
                    ["AMPACDS_STATE"] = Environment.GetEnvironmentVariable("AMPACDS_STATE") ?? Path.Combine(RepositoryRoot.Root, ".local", "test"),
                });
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"PostgreSQL did not start (deploy/postgres.sh start, exit {exitCode}): {output}");
            }
            _started = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Creates an empty database and returns its name.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        await EnsureRunningAsync();
        var name = $"test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    public static Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("ampacds"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
