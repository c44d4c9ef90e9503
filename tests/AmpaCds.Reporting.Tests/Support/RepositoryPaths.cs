namespace AmpaCds.Reporting.Tests.Support;

/// <summary>Where the repository's deploy scripts are.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

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
