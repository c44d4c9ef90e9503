using AmpaCds.Integration.Tests.Support;

namespace AmpaCds.Integration.Tests.Operations;

/// <summary>A service's database stops taking connections (and drops the open ones), as in an outage, and comes back.</summary>
public static class DatabaseOutage
{
    public static async Task BeginAsync(string connectionString)
    {
        var database = Database(connectionString);
        await PostgresQuery.ExecuteAsync(connectionString, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false", "postgres");
        await PostgresQuery.ExecuteAsync(connectionString,
            $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()", "postgres");
    }

    public static Task EndAsync(string connectionString) =>
        PostgresQuery.ExecuteAsync(connectionString, $"ALTER DATABASE \"{Database(connectionString)}\" ALLOW_CONNECTIONS true", "postgres");

    private static string Database(string connectionString) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .First(pair => pair[0].Trim().Equals("Database", StringComparison.OrdinalIgnoreCase))[1].Trim();
}
