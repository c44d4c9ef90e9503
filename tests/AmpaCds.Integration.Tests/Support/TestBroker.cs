namespace AmpaCds.Integration.Tests.Support;

/// <summary>
/// The private RabbitMQ the integration tests use. deploy/test.sh starts it; when the tests are
/// run another way the same script is called here, so the tests never need a broker by hand.
/// </summary>
public static class TestBroker
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _started;

    public static int Port { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("AMPACDS_TEST_RABBITMQ_PORT"), out var port) ? port : 5674;

    public static async Task EnsureRunningAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_started)
            {
                return;
            }
            var result = await ProcessRunner.RunAsync("bash", [RepositoryPaths.Script("rabbitmq.sh"), "start"], TimeSpan.FromMinutes(5),
                new Dictionary<string, string>
                {
                    ["AMPACDS_RABBITMQ_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["AMPACDS_STATE"] = Environment.GetEnvironmentVariable("AMPACDS_STATE") ?? Path.Combine(RepositoryPaths.Root, ".local", "test"),
                });
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"RabbitMQ did not start: {result}");
            }
            _started = true;
        }
        finally
        {
            Gate.Release();
        }
    }
}
