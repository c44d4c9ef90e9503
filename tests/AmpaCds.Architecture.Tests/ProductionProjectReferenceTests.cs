namespace AmpaCds.Architecture.Tests;

/// <summary>Production projects never reach research code (simulation, synthetic cohorts, model comparison) by reference.</summary>
public sealed class ProductionProjectReferenceTests
{
    [Fact]
    public void The_production_set_covers_every_service_and_shared_library()
    {
        var production = Repository.ProductionProjects().Select(Repository.Relative).ToList();

        Assert.Contains("shared/Domain/AmpaCds.Domain.csproj", production);
        Assert.Contains("services/Prediction/AmpaCds.Prediction/AmpaCds.Prediction.csproj", production);
        Assert.Contains("services/Quantification/AmpaCds.Quantification.Host/AmpaCds.Quantification.Host.csproj", production);
        Assert.DoesNotContain(production, path => path.StartsWith("shared/Research/", StringComparison.Ordinal));
        Assert.DoesNotContain(production, path => path.StartsWith("services/Cli/", StringComparison.Ordinal));
    }

    [Fact]
    public void No_production_project_references_research_even_transitively()
    {
        var violations = Repository.ProductionProjects()
            .Select(project => ProjectReferenceGraph.FindPath(project, Repository.IsResearch))
            .OfType<IReadOnlyList<string>>()
            .Select(path => string.Join(" -> ", path.Select(Repository.Relative)))
            .ToList();

        Assert.True(violations.Count == 0, "Production reaches research code:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void The_domain_project_references_nothing()
    {
        var domain = Path.Combine(Repository.Root, "shared", "Domain", "AmpaCds.Domain.csproj");

        Assert.Empty(ProjectReferenceGraph.DirectReferences(domain));
    }
}
