using System.Globalization;

namespace AmpaCds.Integration.Tests.Support;

/// <summary>
/// The four services as separate processes on the test broker, each in a fresh virtual host and
/// data folder, on free loopback ports: the local distributed shape of deploy/run-local.sh.
/// </summary>
public sealed class DistributedSystem : IAsyncLifetime
{
    private readonly List<ServiceProcess> _services = [];

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "ampacds-distributed-" + Guid.NewGuid().ToString("N")[..8]);

    public int DicomPort { get; } = FreePort.Next();

    public int GrpcPort { get; } = FreePort.Next();

    public string GrpcAddress => $"http://127.0.0.1:{GrpcPort}";

    public string Logs => string.Join("\n", _services.Select(service => $"==== {service.Name}\n{service.ReadLog()}"));

    public async Task InitializeAsync()
    {
        await TestBroker.EnsureRunningAsync();
        var virtualHost = "it-" + Path.GetFileName(Folder);
        var vhost = await ProcessRunner.RunAsync("bash", [RepositoryPaths.Script("rabbitmq.sh"), "vhost", virtualHost], TimeSpan.FromMinutes(1),
            new Dictionary<string, string>
            {
                ["AMPACDS_RABBITMQ_PORT"] = TestBroker.Port.ToString(CultureInfo.InvariantCulture),
                ["AMPACDS_STATE"] = Environment.GetEnvironmentVariable("AMPACDS_STATE") ?? Path.Combine(RepositoryPaths.Root, ".local", "test"),
            });
        Assert.True(vhost.ExitCode == 0, vhost.ToString());

        var common = new Dictionary<string, string>
        {
            ["AmpaCds__DataRoot"] = Path.Combine(Folder, "data"),
            ["AmpaCds__Bus__Transport"] = "RabbitMq",
            ["AmpaCds__Bus__Port"] = TestBroker.Port.ToString(CultureInfo.InvariantCulture),
            ["AmpaCds__Bus__VirtualHost"] = virtualHost,
            ["AmpaCds__Intake__Port"] = DicomPort.ToString(CultureInfo.InvariantCulture),
            ["AmpaCds__Intake__QuietPeriodSeconds"] = "3",
            // The hosts run as Production, which refuses the development patient-key secret.
            ["AmpaCds__Quantification__PatientKeySecret"] = "integration-test-patient-key-secret-" + virtualHost,
        };
        foreach (var service in new[] { "Intake", "Quantification", "Prediction", "Reporting" })
        {
            var healthPort = FreePort.Next();
            var environment = new Dictionary<string, string>(common)
            {
                ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{healthPort}",
            };
            if (service == "Reporting")
            {
                environment["Kestrel__Endpoints__Grpc__Url"] = GrpcAddress;
            }
            if (service == "Prediction")
            {
                // Prediction serves its own gRPC API (models, outcomes); a free port keeps runs apart.
                environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{FreePort.Next()}";
            }
            var process = ServiceProcess.Start(service, RepositoryPaths.HostAssembly(service), [], environment, Path.Combine(Folder, "logs"));
            _services.Add(process);
            await process.WaitHealthyAsync($"http://127.0.0.1:{healthPort}/health/ready", TimeSpan.FromSeconds(120));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.DisposeAsync();
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
