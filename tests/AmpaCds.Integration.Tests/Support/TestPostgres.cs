using System.Globalization;

namespace AmpaCds.Integration.Tests.Support;

/// <summary>
/// The private PostgreSQL the integration tests use. deploy/test.sh starts it; when the tests are run
/// another way the same script is called here. Each distributed system gets databases of its own.
/// </summary>
public static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _started;

    public static int Port { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("AMPACDS_TEST_POSTGRES_PORT"), out var port) ? port : 5435;

    public static async Task EnsureRunningAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (!_started)
            {
                await RunScriptAsync("start");
                _started = true;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Creates an empty database and returns its Npgsql connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        await EnsureRunningAsync();
        await RunScriptAsync("createdb", name);
        return (await RunScriptAsync("url", name)).Trim();
    }

    private static async Task<string> RunScriptAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("bash", [RepositoryPaths.Script("postgres.sh"), .. arguments], TimeSpan.FromMinutes(3),
            new Dictionary<string, string>
            {
                ["AMPACDS_POSTGRES_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
                ["AMPACDS_STATE"] = Environment.GetEnvironmentVariable("AMPACDS_STATE") ?? Path.Combine(RepositoryPaths.Root, ".local", "test"),
            });
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"deploy/postgres.sh {string.Join(' ', arguments)} failed: {result}");
        }
        return result.StandardOutput;
    }
}
