using YamlDotNet.RepresentationModel;

namespace AmpaCds.Deployment.Tests;

public sealed class KubernetesManifestTests
{
    private static readonly string Base = Path.Combine("k8s", "base");

    [Fact]
    public void EveryResourceTheKustomizationNamesExistsAndParses()
    {
        foreach (var resource in Resources())
        {
            Assert.NotEmpty(Yaml.Documents(Path.Combine(Base, resource)));
        }
        var overlay = Yaml.Documents(Path.Combine("k8s", "overlays", "local", "kustomization.yaml"))[0];
        Assert.Equal("../../base", ((YamlSequenceNode)overlay.At("resources")).Children[0].Text());
    }

    [Theory]
    [InlineData("intake", 5181)]
    [InlineData("quantification", 5182)]
    [InlineData("prediction", 5183)]
    [InlineData("reporting", 5180)]
    public void ProbesUseTheHealthPortTheContainerIsConfiguredFor(string name, int healthPort)
    {
        var documents = Yaml.Documents(Path.Combine(Base, $"{name}.yaml"));
        var deployment = documents.Single(document => document.At("kind").Text() == "Deployment");
        var container = ((YamlSequenceNode)deployment.At("spec", "template", "spec", "containers")).Children[0];
        var environment = ((YamlSequenceNode)container.At("env")).Children
            .Where(variable => variable.Has("value"))
            .ToDictionary(variable => variable.At("name").Text(), variable => variable.At("value").Text());
        Assert.Equal($"https://0.0.0.0:{healthPort}", environment["Kestrel__Endpoints__Http__Url"]);
        foreach (var (probe, path) in new[] { ("readinessProbe", "/health/ready"), ("livenessProbe", "/health/live") })
        {
            Assert.Equal(healthPort.ToString(System.Globalization.CultureInfo.InvariantCulture), container.At(probe, "httpGet", "port").Text());
            Assert.Equal(path, container.At(probe, "httpGet", "path").Text());
            // The endpoint serves only TLS: an HTTP probe would never see it ready.
            Assert.Equal("HTTPS", container.At(probe, "httpGet", "scheme").Text());
        }
        Assert.Equal($"ampacds/{name}:latest", container.At("image").Text());

        var service = documents.Single(document => document.At("kind").Text() == "Service");
        Assert.Equal(name, service.At("spec", "selector", "app").Text());
        var targetPorts = ((YamlSequenceNode)service.At("spec", "ports")).Children.Select(port => port.At("targetPort").Text());
        var containerPorts = ((YamlSequenceNode)container.At("ports")).Children.Select(port => port.At("containerPort").Text());
        Assert.Equal(containerPorts.Order(), targetPorts.Order());
    }

    [Theory]
    [InlineData("intake")]
    [InlineData("quantification")]
    [InlineData("prediction")]
    [InlineData("reporting")]
    public void EachServiceServesTlsWithTheCertificateOfTheTlsSecret(string name)
    {
        var deployment = Yaml.Documents(Path.Combine(Base, $"{name}.yaml")).Single(document => document.At("kind").Text() == "Deployment");
        var pod = deployment.At("spec", "template", "spec");
        var container = ((YamlSequenceNode)pod.At("containers")).Children[0];
        var urls = ((YamlSequenceNode)container.At("env")).Children
            .Where(variable => variable.At("name").Text().StartsWith("Kestrel__Endpoints__", StringComparison.Ordinal))
            .Select(variable => variable.At("value").Text())
            .ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, url => Assert.StartsWith("https://0.0.0.0:", url, StringComparison.Ordinal));

        var config = Yaml.Documents(Path.Combine(Base, "config.yaml"))[0];
        Assert.Contains("ampacds-config", ((YamlSequenceNode)container.At("envFrom")).Children
            .Where(source => source.Has("configMapRef")).Select(source => source.At("configMapRef", "name").Text()));
        var volume = ((YamlSequenceNode)pod.At("volumes")).Children.Single(candidate => candidate.Has("secret") && candidate.At("secret", "secretName").Text() == "ampacds-tls");
        var mount = ((YamlSequenceNode)container.At("volumeMounts")).Children.Single(candidate => candidate.At("name").Text() == volume.At("name").Text());
        Assert.Equal("true", mount.At("readOnly").Text());
        var folder = mount.At("mountPath").Text();
        // A kubernetes.io/tls Secret carries tls.crt and tls.key.
        Assert.Equal($"{folder}/tls.crt", config.At("data", "AmpaCds__Tls__CertificatePath").Text());
        Assert.Equal($"{folder}/tls.key", config.At("data", "AmpaCds__Tls__KeyPath").Text());
    }

    [Fact]
    public void ServicesTrustTheGatewaysIssuerAndTheGatewayRunsItFromSecrets()
    {
        var config = Yaml.Documents(Path.Combine(Base, "config.yaml"))[0];
        Assert.Equal("https://reporting:5180", config.At("data", "AmpaCds__Auth__Authority").Text());
        Assert.Equal("/etc/ampacds/tls/ca.crt", config.At("data", "AmpaCds__Auth__AuthorityCaCertificatePath").Text());

        var deployment = Yaml.Documents(Path.Combine(Base, "reporting.yaml")).Single(document => document.At("kind").Text() == "Deployment");
        var pod = deployment.At("spec", "template", "spec");
        var container = ((YamlSequenceNode)pod.At("containers")).Children[0];
        var env = ((YamlSequenceNode)container.At("env")).Children.Where(variable => variable.Has("value"))
            .ToDictionary(variable => variable.At("name").Text(), variable => variable.At("value").Text());
        Assert.Equal("true", env["AmpaCds__Auth__LocalIssuer__Enabled"]);
        Assert.Equal("https://reporting:5180", env["AmpaCds__Auth__LocalIssuer__Issuer"]);
        var secrets = ((YamlSequenceNode)pod.At("volumes")).Children.Where(volume => volume.Has("secret"))
            .ToDictionary(volume => volume.At("name").Text(), volume => volume.At("secret", "secretName").Text());
        var mounts = ((YamlSequenceNode)container.At("volumeMounts")).Children.ToDictionary(mount => mount.At("name").Text(), mount => mount.At("mountPath").Text());
        Assert.StartsWith(mounts[secrets.Single(pair => pair.Value == "ampacds-local-users").Key] + "/", env["AmpaCds__Auth__LocalIssuer__UsersFile"], StringComparison.Ordinal);
        Assert.StartsWith(mounts[secrets.Single(pair => pair.Value == "ampacds-issuer-key").Key] + "/", env["AmpaCds__Auth__LocalIssuer__SigningKeyPath"], StringComparison.Ordinal);
    }

    [Fact]
    public void ServicesShareTheBrokerSettingsOfTheConfigMap()
    {
        var config = Yaml.Documents(Path.Combine(Base, "config.yaml"))[0];
        Assert.Equal("RabbitMq", config.At("data", "AmpaCds__Bus__Transport").Text());
        Assert.Equal("rabbitmq", config.At("data", "AmpaCds__Bus__Host").Text());
        Assert.Contains("name: ampacds-config", File.ReadAllText(Path.Combine(Yaml.Root, Base, "intake.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void TheKustomizationNamesEveryManifestOfTheBase()
    {
        var manifests = Directory.GetFiles(Path.Combine(Yaml.Root, Base), "*.yaml")
            .Select(Path.GetFileName)
            .Where(file => file != "kustomization.yaml");
        Assert.Equal(manifests.Order(StringComparer.Ordinal), Resources().Order(StringComparer.Ordinal));
        Assert.Contains("postgres.yaml", Resources());
    }

    [Fact]
    public void PostgresIsAStatefulSetWithAClaimTemplateProbesAndTheSecretsCredentials()
    {
        var documents = Yaml.Documents(Path.Combine(Base, "postgres.yaml"));
        var statefulSet = documents.Single(document => document.At("kind").Text() == "StatefulSet");
        Assert.Equal("postgres", statefulSet.At("spec", "serviceName").Text());
        var claim = ((YamlSequenceNode)statefulSet.At("spec", "volumeClaimTemplates")).Children.Single();
        Assert.Equal("ReadWriteOnce", ((YamlSequenceNode)claim.At("spec", "accessModes")).Children.Single().Text());
        var container = ((YamlSequenceNode)statefulSet.At("spec", "template", "spec", "containers")).Children.Single();
        Assert.StartsWith("postgres:15", container.At("image").Text(), StringComparison.Ordinal);
        var mounts = ((YamlSequenceNode)container.At("volumeMounts")).Children
            .ToDictionary(mount => mount.At("name").Text(), mount => mount.At("mountPath").Text());
        Assert.Equal("/var/lib/postgresql/data", mounts[claim.At("metadata", "name").Text()]);
        Assert.Equal("/docker-entrypoint-initdb.d", mounts["init"]);
        foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
        {
            var command = string.Join(' ', ((YamlSequenceNode)container.At(probe, "exec", "command")).Children.Select(part => part.Text()));
            Assert.Contains("pg_isready -h 127.0.0.1", command, StringComparison.Ordinal);
        }
        var secretName = ((YamlSequenceNode)container.At("envFrom")).Children.Single().At("secretRef", "name").Text();
        Assert.Equal(Secret().At("metadata", "name").Text(), secretName);
        Assert.DoesNotContain("POSTGRES_PASSWORD", File.ReadAllText(Path.Combine(Yaml.Root, Base, "postgres.yaml")), StringComparison.Ordinal);

        var service = documents.Single(document => document.At("kind").Text() == "Service");
        Assert.Equal("postgres", service.At("spec", "selector", "app").Text());
        Assert.Equal("5432", ((YamlSequenceNode)service.At("spec", "ports")).Children.Single().At("port").Text());
    }

    [Fact]
    public void TheInitConfigMapCarriesTheSameScriptAsCompose()
    {
        var statefulSet = Yaml.Documents(Path.Combine(Base, "postgres.yaml")).Single(document => document.At("kind").Text() == "StatefulSet");
        var initVolume = ((YamlSequenceNode)statefulSet.At("spec", "template", "spec", "volumes")).Children
            .Single(volume => volume.At("name").Text() == "init");
        var configMap = Yaml.Documents(Path.Combine(Base, "postgres-init.yaml"))[0];
        Assert.Equal(configMap.At("metadata", "name").Text(), initVolume.At("configMap", "name").Text());
        Assert.Equal(
            File.ReadAllText(Path.Combine(Yaml.Root, "deploy", "docker", "postgres-init.sql")),
            configMap.At("data", "postgres-init.sql").Text());
    }

    [Theory]
    [InlineData("intake")]
    [InlineData("quantification")]
    [InlineData("prediction")]
    [InlineData("reporting")]
    public void EachServiceBuildsItsConnectionStringFromTheSecret(string name)
    {
        var deployment = Yaml.Documents(Path.Combine(Base, $"{name}.yaml")).Single(document => document.At("kind").Text() == "Deployment");
        var container = ((YamlSequenceNode)deployment.At("spec", "template", "spec", "containers")).Children[0];
        var environment = ((YamlSequenceNode)container.At("env")).Children.ToList();
        var names = environment.Select(variable => variable.At("name").Text()).ToList();
        var connection = environment.Single(variable => variable.At("name").Text() == $"ConnectionStrings__{name}").At("value").Text();
        Assert.StartsWith("Host=postgres;Port=5432;", connection, StringComparison.Ordinal);
        Assert.EndsWith($";Database=ampacds_{name}", connection, StringComparison.Ordinal);

        var secret = Secret();
        foreach (var (variable, key) in new[] { ("AMPACDS_POSTGRES_USER", "POSTGRES_USER"), ("AMPACDS_POSTGRES_PASSWORD", "POSTGRES_PASSWORD") })
        {
            Assert.Contains($"$({variable})", connection, StringComparison.Ordinal);
            // Kubernetes expands $(VAR) only from variables declared before the one that uses it.
            Assert.True(names.IndexOf(variable) >= 0 && names.IndexOf(variable) < names.IndexOf($"ConnectionStrings__{name}"));
            var reference = environment[names.IndexOf(variable)].At("valueFrom", "secretKeyRef");
            Assert.Equal(secret.At("metadata", "name").Text(), reference.At("name").Text());
            Assert.Equal(key, reference.At("key").Text());
            Assert.True(secret.At("stringData").Has(key));
        }
        var password = secret.At("stringData", "POSTGRES_PASSWORD").Text();
        Assert.DoesNotContain(password, File.ReadAllText(Path.Combine(Yaml.Root, Base, $"{name}.yaml")), StringComparison.Ordinal);
        Assert.Equal("Postgres", Yaml.Documents(Path.Combine(Base, "config.yaml"))[0].At("data", "AmpaCds__Database__Provider").Text());
        var wait = ((YamlSequenceNode)deployment.At("spec", "template", "spec", "initContainers")).Children.Single();
        Assert.Contains("pg_isready -q -h postgres -p 5432", string.Join(' ', ((YamlSequenceNode)wait.At("command")).Children.Select(part => part.Text())), StringComparison.Ordinal);
    }

    private static YamlNode Secret()
    {
        var secret = Yaml.Documents(Path.Combine(Base, "postgres-secret.yaml")).Single();
        Assert.Equal("Secret", secret.At("kind").Text());
        return secret;
    }

    private static IEnumerable<string> Resources() =>
        ((YamlSequenceNode)Yaml.Documents(Path.Combine(Base, "kustomization.yaml"))[0].At("resources")).Children.Select(node => node.Text());
}
