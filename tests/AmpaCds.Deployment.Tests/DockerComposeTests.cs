using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace AmpaCds.Deployment.Tests;

/// <summary>No Docker engine runs here, so the compose file is checked against the code it builds.</summary>
public sealed class DockerComposeTests
{
    private static readonly YamlNode Services = Yaml.Documents("docker-compose.yml")[0].At("services");

    [Theory]
    [InlineData("intake", "Intake")]
    [InlineData("quantification", "Quantification")]
    [InlineData("prediction", "Prediction")]
    [InlineData("reporting", "Reporting")]
    public void EachServiceBuildsAnExistingHostWithTheSharedDockerfile(string name, string service)
    {
        var build = Services.At(name, "build");
        Assert.Equal(service, build.At("args", "SERVICE").Text());
        Assert.True(File.Exists(Path.Combine(Yaml.Root, build.At("dockerfile").Text())));
        Assert.True(File.Exists(Path.Combine(Yaml.Root, "services", service, $"AmpaCds.{service}.Host", $"AmpaCds.{service}.Host.csproj")));
        var environment = Services.At(name, "environment");
        Assert.Equal("RabbitMq", environment.At("AmpaCds__Bus__Transport").Text());
        Assert.Equal("rabbitmq", environment.At("AmpaCds__Bus__Host").Text());
    }

    [Fact]
    public void TheDockerfileEntryPointRunsTheHostAssemblyOfTheBuiltService()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Yaml.Root, "deploy", "docker", "Dockerfile"));
        Assert.Contains("dotnet publish \"services/${SERVICE}/AmpaCds.${SERVICE}.Host/AmpaCds.${SERVICE}.Host.csproj\"", dockerfile, StringComparison.Ordinal);
        Assert.Contains("SERVICE_ASSEMBLY=\"AmpaCds.${SERVICE}.Host.dll\"", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void PublishedPortsAreTheOnesTheHostsAndScriptsUse()
    {
        Assert.Contains("11112:11112", Ports("intake"));
        Assert.Contains("5080:5080", Ports("reporting"));
        Assert.Contains("127.0.0.1:5083:5083", Ports("prediction"));
        Assert.Equal("http://127.0.0.1:5083", HostSetting("Prediction", "Kestrel", "Endpoints", "Grpc", "Url"));
        Assert.Equal("http://127.0.0.1:5080", HostSetting("Reporting", "Kestrel", "Endpoints", "Grpc", "Url"));
        foreach (var (name, port) in new[] { ("intake", 5181), ("quantification", 5182), ("prediction", 5183), ("reporting", 5180) })
        {
            Assert.Contains($"127.0.0.1:{port}:{port}", Ports(name));
            Assert.Equal($"https://0.0.0.0:{port}", Services.At(name, "environment", "Kestrel__Endpoints__Http__Url").Text());
        }
    }

    [Theory]
    [InlineData("intake", new string[0])]
    [InlineData("quantification", new string[0])]
    [InlineData("prediction", new[] { "https://0.0.0.0:5083" })]
    [InlineData("reporting", new[] { "https://0.0.0.0:5080" })]
    public void EachServiceServesTlsWithTheCertificateAndKeyOfTheComposeSecrets(string name, string[] grpcUrls)
    {
        var environment = (YamlMappingNode)Services.At(name, "environment");
        var urls = environment.Children.Where(setting => setting.Key.Text().StartsWith("Kestrel__Endpoints__", StringComparison.Ordinal))
            .ToDictionary(setting => setting.Key.Text(), setting => setting.Value.Text());
        Assert.All(urls.Values, url => Assert.StartsWith("https://", url, StringComparison.Ordinal));
        Assert.Equal(grpcUrls, urls.Where(url => url.Key == "Kestrel__Endpoints__Grpc__Url").Select(url => url.Value));

        var mounted = Sequence(Services.At(name, "secrets")).ToList();
        foreach (var (setting, secret, file) in new[]
                 {
                     ("AmpaCds__Tls__CertificatePath", "ampacds-tls-certificate", "/pki/server.crt"),
                     ("AmpaCds__Tls__KeyPath", "ampacds-tls-key", "/pki/server.key"),
                 })
        {
            Assert.Equal($"/run/secrets/{secret}", environment.At(setting).Text());
            Assert.Contains(secret, mounted);
            Assert.EndsWith(file, Yaml.Documents("docker-compose.yml")[0].At("secrets", secret, "file").Text(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("intake")]
    [InlineData("quantification")]
    [InlineData("prediction")]
    [InlineData("reporting")]
    public void EachServiceTrustsTheGatewaysIssuerOverTlsWithThePrivateCa(string name)
    {
        var environment = (YamlMappingNode)Services.At(name, "environment");
        Assert.Equal("${AMPACDS_AUTH_AUTHORITY:-https://reporting:5180}", environment.At("AmpaCds__Auth__Authority").Text());
        Assert.Equal("/run/secrets/ampacds-ca-certificate", environment.At("AmpaCds__Auth__AuthorityCaCertificatePath").Text());
        Assert.Contains("ampacds-ca-certificate", Sequence(Services.At(name, "secrets")));
        Assert.EndsWith("/pki/ca.crt", Yaml.Documents("docker-compose.yml")[0].At("secrets", "ampacds-ca-certificate", "file").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheGatewayRunsTheLocalIssuerWithTheUsersFileSecret()
    {
        var reporting = (YamlMappingNode)Services.At("reporting", "environment");
        Assert.Equal("${AMPACDS_LOCAL_ISSUER:-true}", reporting.At("AmpaCds__Auth__LocalIssuer__Enabled").Text());
        Assert.Equal(reporting.At("AmpaCds__Auth__Authority").Text(), reporting.At("AmpaCds__Auth__LocalIssuer__Issuer").Text());
        Assert.Equal("/run/secrets/ampacds-local-users", reporting.At("AmpaCds__Auth__LocalIssuer__UsersFile").Text());
        Assert.Contains("ampacds-local-users", Sequence(Services.At("reporting", "secrets")));
        foreach (var other in new[] { "intake", "quantification", "prediction" })
        {
            Assert.DoesNotContain(((YamlMappingNode)Services.At(other, "environment")).Children.Keys,
                key => key.Text().StartsWith("AmpaCds__Auth__LocalIssuer", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void TheBrokerIsRabbitMq310WithAHealthCheckTheServicesWaitFor()
    {
        Assert.StartsWith("rabbitmq:3.10", Services.At("rabbitmq", "image").Text(), StringComparison.Ordinal);
        Assert.True(Services.At("rabbitmq").Has("healthcheck"));
        Assert.Equal("service_healthy", Services.At("intake", "depends_on", "rabbitmq", "condition").Text());
    }

    [Fact]
    public void PostgresKeepsItsDataInANamedVolumeAndHasAHealthCheckOverTcp()
    {
        var postgres = Services.At("postgres");
        Assert.StartsWith("postgres:15", postgres.At("image").Text(), StringComparison.Ordinal);
        Assert.Contains("ampacds-postgres:/var/lib/postgresql/data", Sequence(postgres.At("volumes")));
        Assert.True(Yaml.Documents("docker-compose.yml")[0].At("volumes").Has("ampacds-postgres"));
        var check = Sequence(postgres.At("healthcheck", "test")).ToList();
        Assert.Contains("pg_isready", check);
        Assert.Equal("127.0.0.1", check[check.IndexOf("-h") + 1]);
        Assert.Equal("ampacds", postgres.At("environment", "POSTGRES_USER").Text());
    }

    [Fact]
    public void PostgresRunsTheInitScriptThatCreatesEveryServiceDatabase()
    {
        var mount = Sequence(Services.At("postgres", "volumes")).Single(volume => volume.Contains("/docker-entrypoint-initdb.d/", StringComparison.Ordinal));
        var script = File.ReadAllText(Path.Combine(Yaml.Root, mount.Split(':')[0]));
        foreach (var name in new[] { "intake", "quantification", "prediction", "reporting" })
        {
            Assert.Contains($"CREATE DATABASE ampacds_{name};", script, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("intake")]
    [InlineData("quantification")]
    [InlineData("prediction")]
    [InlineData("reporting")]
    public void EachServiceWaitsForAHealthyPostgresAndUsesItsOwnDatabase(string name)
    {
        Assert.Equal("service_healthy", Services.At(name, "depends_on", "postgres", "condition").Text());
        Assert.Equal("service_healthy", Services.At(name, "depends_on", "rabbitmq", "condition").Text());
        var environment = Services.At(name, "environment");
        Assert.Equal("Postgres", environment.At("AmpaCds__Database__Provider").Text());
        var connection = environment.At($"ConnectionStrings__{name}").Text();
        Assert.Contains("Host=postgres;Port=5432;", connection, StringComparison.Ordinal);
        Assert.EndsWith($";Database=ampacds_{name}", connection, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Sequence(YamlNode node) => ((YamlSequenceNode)node).Children.Select(child => child.Text());

    private static IEnumerable<string> Ports(string name) =>
        ((YamlSequenceNode)Services.At(name, "ports")).Children.Select(node => node.Text());

    private static string HostSetting(string service, params string[] path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Yaml.Root, "services", service, $"AmpaCds.{service}.Host", "appsettings.json")));
        var element = json.RootElement;
        foreach (var key in path)
        {
            element = element.GetProperty(key);
        }
        return element.GetString()!;
    }
}
