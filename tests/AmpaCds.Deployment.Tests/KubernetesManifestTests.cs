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
            .ToDictionary(variable => variable.At("name").Text(), variable => variable.At("value").Text());
        Assert.Equal($"http://0.0.0.0:{healthPort}", environment["Kestrel__Endpoints__Http__Url"]);
        Assert.Equal(healthPort.ToString(System.Globalization.CultureInfo.InvariantCulture), container.At("readinessProbe", "httpGet", "port").Text());
        Assert.Equal("/health/ready", container.At("readinessProbe", "httpGet", "path").Text());
        Assert.Equal($"ampacds/{name}:latest", container.At("image").Text());

        var service = documents.Single(document => document.At("kind").Text() == "Service");
        Assert.Equal(name, service.At("spec", "selector", "app").Text());
        var targetPorts = ((YamlSequenceNode)service.At("spec", "ports")).Children.Select(port => port.At("targetPort").Text());
        var containerPorts = ((YamlSequenceNode)container.At("ports")).Children.Select(port => port.At("containerPort").Text());
        Assert.Equal(containerPorts.Order(), targetPorts.Order());
    }

    [Fact]
    public void ServicesShareTheBrokerSettingsOfTheConfigMap()
    {
        var config = Yaml.Documents(Path.Combine(Base, "config.yaml"))[0];
        Assert.Equal("RabbitMq", config.At("data", "AmpaCds__Bus__Transport").Text());
        Assert.Equal("rabbitmq", config.At("data", "AmpaCds__Bus__Host").Text());
        Assert.Contains("name: ampacds-config", File.ReadAllText(Path.Combine(Yaml.Root, Base, "intake.yaml")), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Resources() =>
        ((YamlSequenceNode)Yaml.Documents(Path.Combine(Base, "kustomization.yaml"))[0].At("resources")).Children.Select(node => node.Text());
}
