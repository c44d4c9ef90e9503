using System.Globalization;

namespace AmpaCds.Persistence.Tests.Support;

/// <summary>The private RabbitMQ of the crash test, started through deploy/rabbitmq.sh like the integration tests do.</summary>
public static class TestBroker
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _started;

    public static int Port { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("AMPACDS_TEST_RABBITMQ_PORT"), out var port) ? port : 5674;

    private static Dictionary<string, string> ScriptEnvironment => new()
    {
        ["AMPACDS_RABBITMQ_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
        ["AMPACDS_STATE"] = Environment.GetEnvironmentVariable("AMPACDS_STATE") ?? Path.Combine(RepositoryPaths.Root, ".local", "test"),
    };

    public static async Task EnsureRunningAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_started)
            {
                return;
            }
            await RunScriptAsync("start");
            _started = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh virtual host: this test's queues never meet another run's.</summary>
    public static async Task<string> CreateVirtualHostAsync()
    {
        await EnsureRunningAsync();
        var name = $"persistence-{Guid.NewGuid():N}";
        await RunScriptAsync("vhost", name);
        return name;
    }

    /// <summary>Messages in a queue (ready + unacknowledged), -1 when the queue does not exist.</summary>
    public static async Task<int> QueueDepthAsync(string virtualHost, string queue)
    {
        var (exitCode, output) = await ScriptRunner.RunAsync("/usr/lib/rabbitmq/bin/rabbitmqctl",
            ["-q", "list_queues", "-p", virtualHost, "name", "messages", "--no-table-headers"], TimeSpan.FromMinutes(1),
            new Dictionary<string, string>
            {
                ["HOME"] = Path.Combine(ScriptEnvironment["AMPACDS_STATE"], "rabbitmq", "home"),
                ["RABBITMQ_NODENAME"] = $"ampacds-{Port.ToString(CultureInfo.InvariantCulture)}@localhost",
            });
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl list_queues failed: {output}");
        }
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('\t', StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0] == queue)
            {
                return int.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }
        return -1;
    }

    private static async Task RunScriptAsync(params string[] arguments)
    {
        var (exitCode, output) = await ScriptRunner.RunAsync("bash", [RepositoryPaths.Script("rabbitmq.sh"), .. arguments],
            TimeSpan.FromMinutes(5), ScriptEnvironment);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"deploy/rabbitmq.sh {string.Join(' ', arguments)} failed ({exitCode}): {output}");
        }
    }
}
