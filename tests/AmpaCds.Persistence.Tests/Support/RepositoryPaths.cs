namespace AmpaCds.Persistence.Tests.Support;

/// <summary>Where the scripts and the crash harness are.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration of this test assembly; the harness is taken from the same one.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string Script(string name) => Path.Combine(Root, "deploy", name);

    public static string CrashHarnessAssembly
    {
        get
        {
            var path = Path.Combine(Root, "tests", "AmpaCds.Persistence.CrashHarness", "bin", Configuration, "net10.0",
                "AmpaCds.Persistence.CrashHarness.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; build the test project in {Configuration}");
        }
    }

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
