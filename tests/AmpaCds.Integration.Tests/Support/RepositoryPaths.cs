namespace AmpaCds.Integration.Tests.Support;

/// <summary>Where the built hosts and scripts are: the tests run the real programs, not in-process copies.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration of this test assembly; hosts are taken from the same one.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string HostAssembly(string service) =>
        Built(Path.Combine(Root, "services", service, $"AmpaCds.{service}.Host", "bin", Configuration, "net10.0", $"AmpaCds.{service}.Host.dll"));

    public static string CliAssembly =>
        Built(Path.Combine(Root, "services", "Cli", "AmpaCds.Cli", "bin", Configuration, "net10.0", "ampacds.dll"));

    public static string Script(string name) => Path.Combine(Root, "deploy", name);

    private static string Built(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; build AmpaCds.sln in {Configuration} first (deploy/test.sh does)");

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
