using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace AmpaCds.Architecture.Tests;

/// <summary>
/// The built production assemblies reference no AmpaCds.Research.* assembly. Read from metadata, not loaded: a
/// reference the csproj rule misses (a HintPath, a package) still shows here.
/// </summary>
public sealed class ProductionAssemblyTests
{
    [Fact]
    public void No_built_production_assembly_references_a_research_assembly()
    {
        var violations = new List<string>();
        foreach (var project in Repository.ProductionProjects())
        {
            var references = ReferencedAssemblyNames(BuiltAssembly(project));
            violations.AddRange(references.Where(IsResearchAssembly).Select(name => $"{Repository.Relative(project)} references {name}"));
        }

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [Fact]
    public void The_assembly_check_recognises_research_names()
    {
        Assert.True(IsResearchAssembly("AmpaCds.Research.Simulation"));
        Assert.True(IsResearchAssembly("AmpaCds.Research.ModelEvaluation"));
        Assert.False(IsResearchAssembly("AmpaCds.Domain"));
        Assert.False(IsResearchAssembly("AmpaCds.ResearchNotes"));
    }

    private static bool IsResearchAssembly(string name) => name.StartsWith("AmpaCds.Research.", StringComparison.Ordinal);

    private static IReadOnlyList<string> ReferencedAssemblyNames(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToList();
    }

    /// <summary>The project's own build output in the configuration this test was built in (the csproj builds them all first).</summary>
    private static string BuiltAssembly(string projectPath)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var assemblyName = XDocument.Load(projectPath).Descendants().FirstOrDefault(element => element.Name.LocalName == "AssemblyName")?.Value
            ?? Path.GetFileNameWithoutExtension(projectPath);
        var path = Path.Combine(Path.GetDirectoryName(projectPath)!, "bin", configuration, framework, assemblyName + ".dll");
        Assert.True(File.Exists(path),
            $"{path} is not built: add {Repository.Relative(projectPath)} to AmpaCds.Architecture.Tests.csproj (ReferenceOutputAssembly=false).");
        return path;
    }
}
