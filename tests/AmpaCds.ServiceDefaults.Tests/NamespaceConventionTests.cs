using System.Text.RegularExpressions;

namespace AmpaCds.ServiceDefaults.Tests;

/// <summary>
/// Namespaces match folders (docs/CONVENTIONS.md): every .cs file under services/ and shared/ declares
/// the file-scoped namespace of its project's root namespace plus its folder path.
/// </summary>
public sealed partial class NamespaceConventionTests
{
    [Fact]
    public void EveryFileDeclaresTheNamespaceOfItsFolder()
    {
        var root = RepositoryRoot();
        var projects = new[] { "services", "shared" }
            .SelectMany(area => Directory.EnumerateFiles(Path.Combine(root, area), "*.csproj", SearchOption.AllDirectories))
            .Where(project => !IsBuildOutput(project))
            .ToList();
        Assert.True(projects.Count >= 8, $"only {projects.Count} projects found under {root}");

        var wrong = projects.SelectMany(project => Mismatches(root, project)).ToList();

        Assert.True(wrong.Count == 0, $"{wrong.Count} files declare a namespace that is not their folder's:\n{string.Join("\n", wrong)}");
    }

    private static IEnumerable<string> Mismatches(string root, string project)
    {
        var folder = Path.GetDirectoryName(project)!;
        var rootNamespace = RootNamespacePattern().Match(File.ReadAllText(project)) is { Success: true } match
            ? match.Groups[1].Value.Trim()
            : Path.GetFileNameWithoutExtension(project);
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(file => !IsBuildOutput(file)))
        {
            var relativeFolder = Path.GetRelativePath(folder, Path.GetDirectoryName(file)!);
            var expected = relativeFolder == "." ? rootNamespace : rootNamespace + "." + relativeFolder.Replace(Path.DirectorySeparatorChar, '.');
            var text = File.ReadAllText(file);
            var declared = FileScopedNamespacePattern().Match(text);
            if (!declared.Success)
            {
                // Hosts' Program.cs is top-level statements, which has no namespace.
                if (Path.GetFileName(file) == "Program.cs" && !BlockNamespacePattern().IsMatch(text))
                {
                    continue;
                }
                yield return $"{Path.GetRelativePath(root, file)}: no file-scoped namespace (expected {expected})";
            }
            else if (declared.Groups[1].Value != expected)
            {
                yield return $"{Path.GetRelativePath(root, file)}: declares {declared.Groups[1].Value}, expected {expected}";
            }
        }
    }

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AmpaCds.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException("AmpaCds.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"<RootNamespace>([^<]+)</RootNamespace>")]
    private static partial Regex RootNamespacePattern();

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespacePattern();

    [GeneratedRegex(@"^namespace\s+[\w.]+\s*\{?\s*$", RegexOptions.Multiline)]
    private static partial Regex BlockNamespacePattern();
}
