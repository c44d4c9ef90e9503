using System.Globalization;
using AmpaCds.TestSupport;
using AmpaCds.TestSupport.Security;
using Grpc.Core;
using Grpc.Net.Client;

namespace AmpaCds.Integration.Tests.Support;

/// <summary>
/// The four services as separate processes on the test broker and the test PostgreSQL, each run in a
/// fresh virtual host, fresh databases and data folder, on free loopback ports: the local distributed
/// shape of deploy/run-local.sh. Like it, every endpoint serves TLS with the server certificate deploy/certs.sh makes
/// under this run's folder; clients here trust that private CA only (<see cref="Trust"/>, <see cref="CreateChannel"/>,
/// <see cref="CliEnvironment"/>). A service can be killed (SIGKILL) and started again on the same state.
/// </summary>
public sealed class DistributedSystem : IAsyncLifetime
{
    public static readonly string[] ServiceNames = ["Intake", "Quantification", "Prediction", "Reporting"];

    private readonly Dictionary<string, ServiceProcess> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Dictionary<string, string> Environment, string HealthUrl)> _launch = new(StringComparer.Ordinal);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "ampacds-distributed-" + Guid.NewGuid().ToString("N")[..8]);

    public int DicomPort { get; } = FreePort.Next();

    public int GrpcPort { get; } = FreePort.Next();

    /// <summary>Intake's DICOM TLS port (peers with a certificate of the private CA).</summary>
    public int DicomTlsPort { get; } = FreePort.Next();

    /// <summary>The broker user each service connects as (key: service name).</summary>
    public IReadOnlyDictionary<string, string> BrokerUsers { get; private set; } = new Dictionary<string, string>();

    /// <summary>The folder of deploy/certs.sh's files for this run (ca.crt, dicom-peer.crt/key, stranger.crt/key).</summary>
    public string PkiFolder { get; private set; } = "";

    public string GrpcAddress => $"https://127.0.0.1:{GrpcPort}";

    public int PredictionGrpcPort { get; } = FreePort.Next();

    /// <summary>The Prediction service's own gRPC API (models, outcomes, retraining).</summary>
    public string PredictionGrpcAddress => $"https://127.0.0.1:{PredictionGrpcPort}";

    /// <summary>The private CA the services' certificate is signed by; set once the system has started.</summary>
    public PrivateCaTrust Trust { get; private set; } = null!;

    /// <summary>ca.crt of this run, for clients outside the process (curl --cacert, the CLI).</summary>
    public string CaCertificatePath => Trust.CaCertificatePath;

    /// <summary>
    /// Environment for CLI invocations against this system: the CLI trusts the private CA through AMPACDS_CA_CERT and
    /// calls as the test user holding every role (AMPACDS_TOKEN).
    /// </summary>
    public IReadOnlyDictionary<string, string> CliEnvironment => new Dictionary<string, string>
    {
        ["AMPACDS_CA_CERT"] = CaCertificatePath,
        ["AMPACDS_TOKEN"] = Token,
    };

    /// <summary>The Reporting gateway's issuer (its https HTTP endpoint); every service trusts it.</summary>
    public string IssuerUrl { get; private set; } = "";

    /// <summary>A token of <see cref="TestUsers.Everything"/> with all roles, from the gateway's issuer; set once started.</summary>
    public string Token { get; private set; } = "";

    /// <summary>A token for one user and role from the gateway's issuer.</summary>
    public async Task<string> TokenAsync(string user, string? role = null)
    {
        using var http = Trust.CreateHttpClient(TimeSpan.FromSeconds(30));
        return await TokenClient.PasswordGrantAsync(http, IssuerUrl, user, role);
    }

    /// <summary>host:port of each service's HTTPS endpoint (health, /metrics), for a Prometheus scrape.</summary>
    public IReadOnlyList<string> MetricsTargets => _launch.Values.Select(launch => new Uri(launch.HealthUrl).Authority).ToList();

    /// <summary>The https:// health URL of a service's HTTP endpoint.</summary>
    public string HealthUrl(string service) => _launch[service].HealthUrl;

    /// <summary>
    /// A gRPC channel to one of the services (<see cref="GrpcAddress"/>, <see cref="PredictionGrpcAddress"/>) that trusts
    /// the private CA and calls with <paramref name="token"/> (default: <see cref="Token"/>, every role).
    /// </summary>
    public GrpcChannel CreateChannel(string address, string? token = null)
    {
        var bearer = token ?? Token;
        var credentials = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("Authorization", $"Bearer {bearer}");
            return Task.CompletedTask;
        });
        return GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = Trust.CreateHandler(),
            Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl, credentials),
        });
    }

    public string VirtualHost => "it-" + Path.GetFileName(Folder);

    public string Logs => string.Join("\n", _services.Values.Select(service => $"==== {service.Name}\n{service.ReadLog()}"));

    /// <summary>Npgsql connection string of a service's own database in this run (key: lower-case service name).</summary>
    public IReadOnlyDictionary<string, string> Databases => _databases;

    private readonly Dictionary<string, string> _databases = new(StringComparer.Ordinal);

    /// <summary>The gateway's client at the issuer, as run-local.sh and compose configure it; its secret is per run.</summary>
    public const string ReportingClientId = "ampacds-reporting";

    private readonly string _reportingClientSecret = Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        await TestBroker.EnsureRunningAsync();
        var certificates = await TestCertificates.CreateAsync(Path.Combine(Folder, "state"));
        Trust = new PrivateCaTrust(certificates.CaCertificate);
        PkiFolder = certificates.Folder;
        var virtualHost = VirtualHost;
        var vhost = await ProcessRunner.RunAsync("bash", [RepositoryPaths.Script("rabbitmq.sh"), "vhost", virtualHost], TimeSpan.FromMinutes(1),
            new Dictionary<string, string>
            {
                ["AMPACDS_RABBITMQ_PORT"] = TestBroker.Port.ToString(CultureInfo.InvariantCulture),
                ["AMPACDS_STATE"] = Environment.GetEnvironmentVariable("AMPACDS_STATE") ?? Path.Combine(RepositoryPaths.Root, ".local", "test"),
            });
        Assert.True(vhost.ExitCode == 0, vhost.ToString());
        var brokerUsers = new Dictionary<string, (string User, string Password)>(StringComparer.Ordinal);
        foreach (var service in ServiceNames)
        {
            // Each service connects to the broker as itself, as run-local.sh sets them up, never as guest.
            var credentials = ($"{virtualHost}-{service.ToLowerInvariant()}", Guid.NewGuid().ToString("N"));
            var user = await ProcessRunner.RunAsync("bash", [RepositoryPaths.Script("rabbitmq.sh"), "user", credentials.Item1, virtualHost], TimeSpan.FromMinutes(1),
                new Dictionary<string, string>
                {
                    ["AMPACDS_RABBITMQ_PORT"] = TestBroker.Port.ToString(CultureInfo.InvariantCulture),
                    ["AMPACDS_STATE"] = Environment.GetEnvironmentVariable("AMPACDS_STATE") ?? Path.Combine(RepositoryPaths.Root, ".local", "test"),
                    ["AMPACDS_RABBITMQ_PASSWORD"] = credentials.Item2,
                });
            Assert.True(user.ExitCode == 0, user.ToString());
            brokerUsers[service] = credentials;
        }
        BrokerUsers = brokerUsers.ToDictionary(pair => pair.Key, pair => pair.Value.User, StringComparer.Ordinal);

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
            // The hosts run as Production, which refuses plain HTTP: every endpoint below is https:// with this certificate.
            ["AmpaCds__Tls__CertificatePath"] = certificates.ServerCertificate,
            ["AmpaCds__Tls__KeyPath"] = certificates.ServerKey,
        };
        common["AmpaCds__Database__Provider"] = "Postgres";
        foreach (var service in ServiceNames)
        {
            var key = service.ToLowerInvariant();
            _databases[key] = await TestPostgres.CreateDatabaseAsync($"it_{Path.GetFileName(Folder).Replace('-', '_')}_{key}");
        }
        var healthPorts = ServiceNames.ToDictionary(service => service, _ => FreePort.Next(), StringComparer.Ordinal);
        IssuerUrl = $"https://127.0.0.1:{healthPorts["Reporting"]}";
        // Every service validates tokens of the gateway's issuer, whose certificate the private CA signed.
        common["AmpaCds__Auth__Authority"] = IssuerUrl;
        common["AmpaCds__Auth__AuthorityCaCertificatePath"] = certificates.CaCertificate;
        foreach (var service in ServiceNames)
        {
            var healthPort = healthPorts[service];
            var environment = new Dictionary<string, string>(common)
            {
                ["Kestrel__Endpoints__Http__Url"] = $"https://127.0.0.1:{healthPort}",
                [$"ConnectionStrings__{service.ToLowerInvariant()}"] = _databases[service.ToLowerInvariant()],
                ["AmpaCds__Bus__Username"] = brokerUsers[service].User,
                ["AmpaCds__Bus__Password"] = brokerUsers[service].Password,
            };
            if (service == "Reporting")
            {
                environment["Kestrel__Endpoints__Grpc__Url"] = GrpcAddress;
                foreach (var (key, value) in TestUsers.IssuerEnvironment(IssuerUrl))
                {
                    environment[key] = value;
                }
                // The gateway fetches the report's maps from Quantification's API with its own client identity.
                environment["AmpaCds__Reporting__QuantificationUrl"] = $"https://127.0.0.1:{healthPorts["Quantification"]}";
                environment["AmpaCds__ServiceIdentity__ClientId"] = ReportingClientId;
                environment["AmpaCds__ServiceIdentity__ClientSecret"] = _reportingClientSecret;
                environment["AmpaCds__Auth__LocalIssuer__Clients__0__ClientId"] = ReportingClientId;
                environment["AmpaCds__Auth__LocalIssuer__Clients__0__SecretHash"] = AmpaCds.Security.Access.PasswordHash.Create(_reportingClientSecret);
                environment["AmpaCds__Auth__LocalIssuer__Clients__0__Roles__0"] = AmpaCds.Security.Access.Roles.Service;
                // The portal signs people in through the same issuer as a confidential client; outcomes go to Prediction.
                environment["AmpaCds__Portal__PublicOrigins__0"] = IssuerUrl;
                environment["AmpaCds__Portal__ClientSecret"] = "portal-client-secret-for-tests-" + Path.GetFileName(Folder);
                environment["AmpaCds__Reporting__Prediction__Url"] = PredictionGrpcAddress;
                // The ops page shows the other services' readiness; queue depths are read every second here (default 15 s).
                var monitored = 0;
                foreach (var other in ServiceNames.Where(name => name != "Reporting"))
                {
                    environment[$"AmpaCds__Operations__Services__{monitored}__Name"] = other.ToLowerInvariant();
                    environment[$"AmpaCds__Operations__Services__{monitored}__HealthUrl"] = $"https://127.0.0.1:{healthPorts[other]}/health/ready";
                    monitored++;
                }
                environment["AmpaCds__Operations__QueueSampleSeconds"] = "1";
            }
            if (service == "Intake")
            {
                // The secure transport profile on a second port: peers must present a certificate of the private CA.
                environment["AmpaCds__Intake__Tls__Enabled"] = "true";
                environment["AmpaCds__Intake__Tls__Port"] = DicomTlsPort.ToString(CultureInfo.InvariantCulture);
                environment["AmpaCds__Intake__Tls__CertificatePath"] = certificates.ServerCertificate;
                environment["AmpaCds__Intake__Tls__KeyPath"] = certificates.ServerKey;
                environment["AmpaCds__Intake__Tls__TrustedPeersCaPath"] = certificates.CaCertificate;
            }
            if (service == "Prediction")
            {
                // Prediction serves its own gRPC API (models, outcomes); a free port keeps runs apart.
                environment["Kestrel__Endpoints__Grpc__Url"] = PredictionGrpcAddress;
            }
            _launch[service] = (environment, $"https://127.0.0.1:{healthPort}/health/ready");
            await StartAsync(service);
        }
        Token = await TokenAsync(TestUsers.Everything);
    }

    /// <summary>
    /// Waits (bounded) until every queue of this run's virtual host has been empty with nothing unacknowledged
    /// at two checks in a row, so that work still in flight cannot hide behind an early assertion.
    /// </summary>
    public async Task WaitUntilQueuesIdleAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var idleChecks = 0;
        while (idleChecks < 2)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"queues of {VirtualHost} still busy after {timeout}");
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
            ProcessResult queues;
            try
            {
                queues = await RabbitMqCtlAsync("list_queues", "--no-table-headers", "-p", VirtualHost, "messages_ready", "messages_unacknowledged");
            }
            catch (TimeoutException)
            {
                // rabbitmqctl starts an Erlang VM of its own, slow on a loaded machine: not an answer, ask again.
                idleChecks = 0;
                continue;
            }
            Assert.True(queues.ExitCode == 0, queues.ToString());
            var busy = queues.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Any(line => line.Split('\t', StringSplitOptions.RemoveEmptyEntries).Any(count => count != "0"));
            idleChecks = busy ? 0 : idleChecks + 1;
        }
    }

    /// <summary>The users of this run's open broker connections (one per service connection).</summary>
    public async Task<IReadOnlyList<string>> BrokerConnectionUsersAsync()
    {
        var connections = await RabbitMqCtlAsync("list_connections", "--no-table-headers", "vhost", "user");
        Assert.True(connections.ExitCode == 0, connections.ToString());
        return connections.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(columns => columns.Length == 2 && columns[0] == VirtualHost)
            .Select(columns => columns[1].Trim())
            .ToList();
    }

    private static Task<ProcessResult> RabbitMqCtlAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("/usr/lib/rabbitmq/bin/rabbitmqctl", ["-q", .. arguments], TimeSpan.FromSeconds(90),
            new Dictionary<string, string>
            {
                ["HOME"] = Path.Combine(Environment.GetEnvironmentVariable("AMPACDS_STATE") ?? Path.Combine(RepositoryPaths.Root, ".local", "test"), "rabbitmq", "home"),
                ["RABBITMQ_NODENAME"] = $"ampacds-{TestBroker.Port}@localhost",
            });

    /// <summary>SIGKILL: no shutdown code runs, as when a node dies.</summary>
    public async Task KillAsync(string service)
    {
        if (_services.Remove(service, out var process))
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>Starts a service (again) with the environment of its first start and waits until it is ready.</summary>
    public async Task StartAsync(string service)
    {
        var (environment, healthUrl) = _launch[service];
        var generation = Directory.Exists(Path.Combine(Folder, "logs")) ? Directory.GetFiles(Path.Combine(Folder, "logs"), $"{service}*.log").Length : 0;
        var name = generation == 0 ? service : $"{service}-{generation + 1}";
        var process = ServiceProcess.Start(name, RepositoryPaths.HostAssembly(service), [], environment, Path.Combine(Folder, "logs"));
        _services[service] = process;
        await process.WaitHealthyAsync(healthUrl, TimeSpan.FromSeconds(120), trust: Trust);
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _services.Values)
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
