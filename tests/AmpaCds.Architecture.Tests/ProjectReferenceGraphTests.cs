namespace AmpaCds.Architecture.Tests;

/// <summary>The graph walker on throw-away csproj files: it must find a transitive research reference, or the rule proves nothing.</summary>
public sealed class ProjectReferenceGraphTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"ampacds-graph-{Guid.NewGuid():N}");

    [Fact]
    public void A_transitive_reference_to_research_is_found_with_its_path()
    {
        var research = Project("shared/Research/Sim/Sim.csproj");
        var middle = Project("shared/Lib/Lib.csproj", "../Research/Sim/Sim.csproj");
        var service = Project("services/Svc/Svc.csproj", @"..\..\shared\Lib\Lib.csproj");

        var path = ProjectReferenceGraph.FindPath(service, IsUnderResearch);

        Assert.Equal([service, middle, research], path);
    }

    [Fact]
    public void A_graph_without_research_and_with_a_cycle_gives_no_path()
    {
        var first = Project("shared/A/A.csproj", "../B/B.csproj");
        Project("shared/B/B.csproj", "../A/A.csproj", "../Missing/Missing.csproj");

        Assert.Null(ProjectReferenceGraph.FindPath(first, IsUnderResearch));
    }

    [Fact]
    public void Direct_references_resolve_relative_to_the_project()
    {
        var service = Project("services/Svc/Svc.csproj", "../../libraries/Lib/Lib.csproj");

        Assert.Equal([Path.Combine(_root, "libraries", "Lib", "Lib.csproj")], ProjectReferenceGraph.DirectReferences(service));
    }

    private bool IsUnderResearch(string path) =>
        path.StartsWith(Path.Combine(_root, "shared", "Research") + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private string Project(string relativePath, params string[] references)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var items = string.Concat(references.Select(reference => $"""<ProjectReference Include="{reference}" />"""));
        File.WriteAllText(path, $"""<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>{items}</ItemGroup></Project>""");
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
