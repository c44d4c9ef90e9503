namespace AmpaCds.TestSupport;

/// <summary>The checkout the tests run from: its scripts are started as they are, never copied.</summary>
public static class RepositoryRoot
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration of the running test assembly; programs it starts are taken from the same one.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string Script(string name) => Path.Combine(Root, "deploy", name);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AmpaCds.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException("AmpaCds.sln not found above the test assembly");
    }
}
