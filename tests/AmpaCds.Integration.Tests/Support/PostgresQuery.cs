using System.Globalization;

namespace AmpaCds.Integration.Tests.Support;

/// <summary>Reads a service's own database with psql, as an operator would; tests only, never a service.</summary>
public static class PostgresQuery
{
    /// <summary>Runs one query returning a single integer (e.g. a count).</summary>
    public static async Task<long> ScalarAsync(string npgsqlConnectionString, string sql) =>
        long.Parse((await RunAsync(npgsqlConnectionString, sql, null)).Trim(), CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs one statement as the database's owner, connected to <paramref name="database"/> (e.g. "postgres" to change a
    /// database that refuses connections).
    /// </summary>
    public static Task ExecuteAsync(string npgsqlConnectionString, string sql, string database) => RunAsync(npgsqlConnectionString, sql, database);

    private static async Task<string> RunAsync(string npgsqlConnectionString, string sql, string? database)
    {
        var parts = npgsqlConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var result = await ProcessRunner.RunAsync("psql",
            ["-h", parts["Host"], "-p", parts["Port"], "-U", parts["Username"], "-d", database ?? parts["Database"], "-tA", "-v", "ON_ERROR_STOP=1", "-c", sql],
            TimeSpan.FromSeconds(30));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql failed: {result}");
        }
        return result.StandardOutput;
    }
}
