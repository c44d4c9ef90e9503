using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AmpaCds.Deployment.Tests;

/// <summary>
/// Scaling properties of the Kubernetes manifests, read from the YAML (no cluster here): what every container may use,
/// how the kubelet probes it, what scales and what must not, what an eviction may take, and where the state lives.
/// </summary>
public sealed partial class KubernetesScalingTests
{
    private static readonly string Base = Path.Combine("k8s", "base");
    private static readonly string[] Overlays = ["local", "keda", "external-stateful"];
    private static readonly TimeSpan KustomizeTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public void EveryContainerRequestsAndLimitsCpuAndMemory()
    {
        var problems = ResourceProblems(BaseDocuments());
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void EveryServiceIsProbedOverHttpsReadyOnTheReadyEndpointAndAliveOnTheLiveOne()
    {
        var deployments = OfKind(BaseDocuments(), "Deployment").ToList();
        Assert.Equal(["intake", "prediction", "quantification", "reporting"], deployments.Select(Name).Order(StringComparer.Ordinal));
        foreach (var deployment in deployments)
        {
            var container = deployment.At("spec", "template", "spec", "containers").Items().Single();
            var healthPort = container.At("ports").Items().Single(port => port.At("name").Text() == "health").At("containerPort").Text();
            foreach (var (probe, path) in new[] { ("startupProbe", "/health/live"), ("readinessProbe", "/health/ready"), ("livenessProbe", "/health/live") })
            {
                var get = container.At(probe, "httpGet");
                Assert.True(get.At("path").Text() == path, $"{Name(deployment)}: {probe} asks {get.At("path").Text()}, not {path}");
                Assert.Equal(healthPort, get.At("port").Text());
                Assert.Equal("HTTPS", get.At("scheme").Text());
            }
            // Liveness is the process only: if it checked the broker, a broker outage would restart every pod at once.
            Assert.NotEqual("/health/ready", container.At("livenessProbe", "httpGet", "path").Text());
            // The startup probe must outlast the database migration and the retries of a slow database.
            Assert.True(ProbeWindowSeconds(container.At("startupProbe")) >= 120, $"{Name(deployment)}: startup window under 2 minutes");
        }
    }

    [Fact]
    public void TheStatefulPartsAreProbedAtStartReadinessAndLiveness()
    {
        foreach (var statefulSet in OfKind(BaseDocuments(), "StatefulSet"))
        {
            var container = statefulSet.At("spec", "template", "spec", "containers").Items().Single();
            foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
            {
                Assert.True(container.Has(probe), $"{Name(statefulSet)} has no {probe}");
                Assert.True(container.At(probe).Has("exec") || container.At(probe).Has("tcpSocket"), $"{Name(statefulSet)}: {probe} neither runs a command nor opens a port");
            }
            // A liveness probe must not restart the server during the longest first start (initdb, crash recovery).
            Assert.False(container.At("livenessProbe").Has("initialDelaySeconds"), $"{Name(statefulSet)}: the startup probe, not a delay, guards liveness");
            Assert.True(ProbeWindowSeconds(container.At("startupProbe")) >= 180, $"{Name(statefulSet)}: startup window under 3 minutes");
        }
    }

    [Fact]
    public void TheAutoscalerTargetsQuantificationWithBoundsThatKeepAReplicaThroughADrain()
    {
        var documents = BaseDocuments();
        var autoscaler = OfKind(documents, "HorizontalPodAutoscaler").Single();
        Assert.Equal("autoscaling/v2", autoscaler.At("apiVersion").Text());
        var target = autoscaler.At("spec", "scaleTargetRef");
        Assert.Equal(("apps/v1", "Deployment", "quantification"), (target.At("apiVersion").Text(), target.At("kind").Text(), target.At("name").Text()));
        var deployment = OfKind(documents, "Deployment").Single(candidate => Name(candidate) == "quantification");

        var minimum = Number(autoscaler.At("spec", "minReplicas"));
        var maximum = Number(autoscaler.At("spec", "maxReplicas"));
        Assert.InRange(minimum, 2, maximum - 1);
        Assert.InRange(maximum, minimum + 1, 16);
        Assert.Equal(minimum, Number(deployment.At("spec", "replicas")));

        var metric = autoscaler.At("spec", "metrics").Items().Single();
        Assert.Equal("cpu", metric.At("resource", "name").Text());
        Assert.Equal("Utilization", metric.At("resource", "target", "type").Text());
        Assert.InRange(Number(metric.At("resource", "target", "averageUtilization")), 50, 90);
        // Utilisation is measured against the request: without one the autoscaler never acts.
        var container = deployment.At("spec", "template", "spec", "containers").Items().Single();
        Assert.True(KubernetesQuantity.Parse(container.At("resources", "requests", "cpu").Text()) >= 0.5m);
    }

    [Theory]
    [InlineData("reporting")]
    [InlineData("intake")]
    public void SingletonsRunOneReplicaNeverTwoAtOnceAndAreNotAutoscaled(string name)
    {
        var documents = BaseDocuments();
        var deployment = OfKind(documents, "Deployment").Single(candidate => Name(candidate) == name);
        Assert.Equal(1, Number(deployment.At("spec", "replicas")));
        // A rolling update would start the new pod next to the old one: two outbox workers, or two journal writers.
        Assert.Equal("Recreate", deployment.At("spec", "strategy", "type").Text());
        Assert.DoesNotContain(OfKind(documents, "HorizontalPodAutoscaler"), autoscaler => autoscaler.At("spec", "scaleTargetRef", "name").Text() == name);
        var text = File.ReadAllText(Path.Combine(Yaml.Root, Base, $"{name}.yaml"));
        Assert.Contains(name == "reporting" ? "PACS outbox worker" : "write-ahead journal", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryWorkloadHasOneDisruptionBudgetSelectingPodsThatExist()
    {
        var documents = BaseDocuments();
        var workloads = Workloads(documents).ToList();
        var budgets = OfKind(documents, "PodDisruptionBudget").ToList();
        Assert.All(budgets, budget => Assert.Equal("policy/v1", budget.At("apiVersion").Text()));
        foreach (var budget in budgets)
        {
            var selected = workloads.Where(workload => Selects(budget.At("spec", "selector", "matchLabels"), workload)).ToList();
            Assert.True(selected.Count == 1, $"PodDisruptionBudget {Name(budget)} selects the pods of {selected.Count} workloads");
            Assert.True(budget.At("spec").Has("minAvailable") ^ budget.At("spec").Has("maxUnavailable"), $"PodDisruptionBudget {Name(budget)}: exactly one of minAvailable and maxUnavailable");
        }
        foreach (var workload in workloads)
        {
            var budget = Assert.Single(budgets, candidate => Selects(candidate.At("spec", "selector", "matchLabels"), workload));
            var replicas = Number(workload.At("spec", "replicas"));
            var allowed = budget.At("spec").Has("maxUnavailable")
                ? Number(budget.At("spec", "maxUnavailable"))
                : replicas - Number(budget.At("spec", "minAvailable"));
            if (workload.At("kind").Text() == "Deployment")
            {
                // A service's budget lets a drain proceed, one pod at a time.
                Assert.True(allowed == 1, $"{Name(workload)}: a budget that allows {allowed} evictions at {replicas} replicas");
            }
            else
            {
                // The only database server and the only broker: a drain waits for the operator (docs/OPERATIONS-K8S.md).
                Assert.True(allowed == 0, $"{Name(workload)}: its only replica may be evicted");
            }
        }
    }

    [Fact]
    public void StatefulSetsKeepTheirDataInClaimTemplatesBehindAHeadlessGoverningService()
    {
        var documents = BaseDocuments();
        var statefulSets = OfKind(documents, "StatefulSet").ToList();
        Assert.Equal(["postgres", "rabbitmq"], statefulSets.Select(Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(OfKind(documents, "Deployment"), deployment => Name(deployment) is "postgres" or "rabbitmq");
        foreach (var statefulSet in statefulSets)
        {
            var claims = statefulSet.At("spec", "volumeClaimTemplates").Items();
            Assert.NotEmpty(claims);
            var container = statefulSet.At("spec", "template", "spec", "containers").Items().Single();
            var mounts = container.At("volumeMounts").Items().Select(mount => mount.At("name").Text()).ToList();
            foreach (var claim in claims)
            {
                Assert.Contains(claim.At("metadata", "name").Text(), mounts);
                Assert.Equal("ReadWriteOnce", claim.At("spec", "accessModes").Items().Single().Text());
                Assert.True(KubernetesQuantity.Parse(claim.At("spec", "resources", "requests", "storage").Text()) >= KubernetesQuantity.Parse("1Gi"));
            }

            var service = Assert.Single(OfKind(documents, "Service"), candidate => Name(candidate) == statefulSet.At("spec", "serviceName").Text());
            Assert.Equal("None", service.At("spec", "clusterIP").Text());
            Assert.True(Selects(service.At("spec", "selector"), statefulSet), $"Service {Name(service)} does not select the pods of {Name(statefulSet)}");
            var containerPorts = container.At("ports").Items().Select(port => port.At("containerPort").Text()).ToList();
            Assert.All(service.At("spec", "ports").Items(), port => Assert.Contains(port.At("targetPort").Text(), containerPorts));
        }
    }

    [Fact]
    public void EveryServiceSelectsPodsThatExist()
    {
        var documents = BaseDocuments();
        foreach (var service in OfKind(documents, "Service"))
        {
            Assert.True(Workloads(documents).Any(workload => Selects(service.At("spec", "selector"), workload)), $"Service {Name(service)} selects no pods");
        }
    }

    [Fact]
    public void TheKedaOverlayScalesQuantificationOnItsReceiveQueueInsteadOfTheAutoscaler()
    {
        var folder = Path.Combine("k8s", "overlays", "keda");
        var kustomization = Yaml.Documents(Path.Combine(folder, "kustomization.yaml")).Single();
        var resources = kustomization.At("resources").Items().Select(resource => resource.Text()).ToList();
        Assert.Contains("../../base", resources);
        var deleted = kustomization.At("patches").Items().Select(patch => Yaml.Parse(patch.At("patch").Text()).Single())
            .Where(patch => patch.Has("$patch") && patch.At("$patch").Text() == "delete")
            .Select(patch => (patch.At("kind").Text(), Name(patch)));
        Assert.Contains(("HorizontalPodAutoscaler", "quantification"), deleted);

        var scaled = resources.Where(resource => resource != "../../base").SelectMany(resource => Yaml.Documents(Path.Combine(folder, resource))).ToList();
        var scaledObject = OfKind(scaled, "ScaledObject").Single();
        Assert.Equal("quantification", scaledObject.At("spec", "scaleTargetRef", "name").Text());
        var autoscaler = OfKind(BaseDocuments(), "HorizontalPodAutoscaler").Single();
        Assert.Equal(autoscaler.At("spec", "minReplicas").Text(), scaledObject.At("spec", "minReplicaCount").Text());
        Assert.Equal(autoscaler.At("spec", "maxReplicas").Text(), scaledObject.At("spec", "maxReplicaCount").Text());

        var trigger = scaledObject.At("spec", "triggers").Items().Single(candidate => candidate.At("type").Text() == "rabbitmq");
        // MassTransit's kebab-case endpoint names: the consumer's class name without "Consumer".
        var consumer = Directory.GetFiles(Path.Combine(Yaml.Root, "services", "Quantification"), "QuantifyReceivedSeriesConsumer.cs", SearchOption.AllDirectories);
        Assert.Single(consumer);
        Assert.Equal(KebabEndpointName(Path.GetFileNameWithoutExtension(consumer[0])), trigger.At("metadata", "queueName").Text());
        Assert.Equal("quantify-received-series", trigger.At("metadata", "queueName").Text());
        Assert.Equal("QueueLength", trigger.At("metadata", "mode").Text());
        Assert.InRange(Number(trigger.At("metadata", "value")), 1, 20);
        var authentication = OfKind(scaled, "TriggerAuthentication").Single();
        Assert.Equal(Name(authentication), trigger.At("authenticationRef", "name").Text());
        Assert.Equal("host", authentication.At("spec", "secretTargetRef").Items().Single().At("parameter").Text());
    }

    [SkippableTheory]
    [InlineData("local")]
    [InlineData("keda")]
    [InlineData("external-stateful")]
    public void KubectlKustomizeBuildsTheOverlay(string overlay)
    {
        Skip.IfNot(KustomizeAvailable(out var reason), reason);
        var built = ScriptRun.Start("kubectl", ["kustomize", Path.Combine("k8s", "overlays", overlay)], new Dictionary<string, string>(), KustomizeTimeout);
        Assert.True(built.ExitCode == 0, built.ToString());
        var documents = Yaml.Parse(built.Output);
        Assert.All(documents.Where(document => document.At("kind").Text() != "Namespace"),
            document => Assert.Equal("ampacds", document.At("metadata", "namespace").Text()));
        var problems = ResourceProblems(documents);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        var autoscalers = OfKind(documents, "HorizontalPodAutoscaler").ToList();
        switch (overlay)
        {
            case "local":
                Assert.Equal("1", autoscalers.Single().At("spec", "minReplicas").Text());
                Assert.Equal("1", OfKind(documents, "Deployment").Single(deployment => Name(deployment) == "quantification").At("spec", "replicas").Text());
                // One replica of everything fits a laptop's node next to the cluster's own pods.
                Assert.InRange(Workloads(documents).Sum(workload => Number(workload.At("spec", "replicas"))
                    * workload.At("spec", "template", "spec", "containers").Items().Sum(container => KubernetesQuantity.Parse(container.At("resources", "requests", "cpu").Text()))), 0.5m, 1.5m);
                break;
            case "keda":
                Assert.Empty(autoscalers);
                Assert.Single(OfKind(documents, "ScaledObject"));
                break;
            default:
                Assert.Empty(OfKind(documents, "StatefulSet"));
                Assert.DoesNotContain(OfKind(documents, "PodDisruptionBudget"), budget => Name(budget) is "postgres" or "rabbitmq");
                foreach (var (name, port) in new[] { ("postgres", "5432"), ("rabbitmq", "5672") })
                {
                    var service = OfKind(documents, "Service").Single(candidate => Name(candidate) == name);
                    Assert.Equal("ExternalName", service.At("spec", "type").Text());
                    Assert.False(service.At("spec").Has("selector"));
                    Assert.Equal(port, service.At("spec", "ports").Items().Single().At("port").Text());
                }
                break;
        }
    }

    private static List<string> ResourceProblems(IEnumerable<YamlMappingNode> documents)
    {
        var problems = new List<string>();
        foreach (var workload in Workloads(documents))
        {
            var pod = workload.At("spec", "template", "spec");
            var containers = pod.At("containers").Items().Concat(pod.Has("initContainers") ? pod.At("initContainers").Items() : []);
            foreach (var container in containers)
            {
                var where = $"{Name(workload)}/{container.At("name").Text()}";
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    if (!container.Has("resources") || !container.At("resources").Has("requests") || !container.At("resources", "requests").Has(resource)
                        || !container.At("resources").Has("limits") || !container.At("resources", "limits").Has(resource))
                    {
                        problems.Add($"{where}: no {resource} request and limit");
                        continue;
                    }
                    var request = KubernetesQuantity.Parse(container.At("resources", "requests", resource).Text());
                    var limit = KubernetesQuantity.Parse(container.At("resources", "limits", resource).Text());
                    if (request <= 0 || request > limit)
                    {
                        problems.Add($"{where}: {resource} request {request} against limit {limit}");
                    }
                }
            }
        }
        return problems;
    }

    private static bool KustomizeAvailable(out string reason)
    {
        ScriptRun version;
        try
        {
            version = ScriptRun.Start("kubectl", ["version", "--client"], new Dictionary<string, string>(), KustomizeTimeout);
        }
        catch (Win32Exception)
        {
            reason = "kubectl is not installed; the YAML tests above check the base and the overlays' files";
            return false;
        }
        // Debian's kubernetes-client (1.20) embeds kustomize 2, which knows neither `replicas` nor `patches`.
        var match = KustomizeVersion().Match(version.Output);
        if (!match.Success || int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) < 4)
        {
            reason = $"kubectl has no kustomize 4 or newer: {version.Output.Trim()}";
            return false;
        }
        reason = "";
        return true;
    }

    private static string KebabEndpointName(string consumerClass) =>
        string.Join('-', WordStart().Split(consumerClass.EndsWith("Consumer", StringComparison.Ordinal) ? consumerClass[..^"Consumer".Length] : consumerClass)
            .Where(word => word.Length > 0).Select(word => word.ToLowerInvariant()));

    private static bool Selects(YamlNode selector, YamlMappingNode workload)
    {
        var labels = workload.At("spec", "template", "metadata", "labels").Pairs();
        var wanted = selector.Pairs();
        return wanted.Count > 0 && wanted.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }

    private static int ProbeWindowSeconds(YamlNode probe) =>
        Number(probe.At("periodSeconds")) * Number(probe.At("failureThreshold"));

    private static int Number(YamlNode node) => int.Parse(node.Text(), CultureInfo.InvariantCulture);

    private static string Name(YamlNode document) => document.At("metadata", "name").Text();

    private static IEnumerable<YamlMappingNode> OfKind(IEnumerable<YamlMappingNode> documents, string kind) =>
        documents.Where(document => document.At("kind").Text() == kind);

    private static IEnumerable<YamlMappingNode> Workloads(IEnumerable<YamlMappingNode> documents) =>
        documents.Where(document => document.At("kind").Text() is "Deployment" or "StatefulSet");

    private static List<YamlMappingNode> BaseDocuments() =>
        Yaml.Documents(Path.Combine(Base, "kustomization.yaml")).Single().At("resources").Items()
            .SelectMany(resource => Yaml.Documents(Path.Combine(Base, resource.Text())))
            .ToList();

    [GeneratedRegex(@"Kustomize Version: v(\d+)\.")]
    private static partial Regex KustomizeVersion();

    [GeneratedRegex("(?=[A-Z])")]
    private static partial Regex WordStart();
}
