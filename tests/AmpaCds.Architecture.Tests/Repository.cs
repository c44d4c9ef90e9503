namespace AmpaCds.Architecture.Tests;

/// <summary>Where the sources are, and which projects are production code.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ResearchFolder => Path.Combine(Root, "shared", "Research");

    public static bool IsResearch(string projectPath) =>
        Path.GetFullPath(projectPath).StartsWith(ResearchFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>services/** except the CLI (a research and operations tool) and shared/** except shared/Research.</summary>
    public static IReadOnlyList<string> ProductionProjects()
    {
        var cli = Path.Combine(Root, "services", "Cli") + Path.DirectorySeparatorChar;
        return Projects(Path.Combine(Root, "services")).Where(path => !path.StartsWith(cli, StringComparison.Ordinal))
            .Concat(Projects(Path.Combine(Root, "shared")).Where(path => !IsResearch(path)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static IEnumerable<string> Projects(string folder) =>
        Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AmpaCds.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No AmpaCds.sln above '{AppContext.BaseDirectory}'.");
    }
}
