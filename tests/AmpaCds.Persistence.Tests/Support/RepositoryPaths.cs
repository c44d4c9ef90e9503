namespace AmpaCds.Persistence.Tests.Support;

/// <summary>Where the scripts and the crash harness are.</summary>
public static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Root;

    public static string Script(string name) => RepositoryRoot.Script(name);

    public static string CrashHarnessAssembly
    {
        get
        {
            var path = Path.Combine(Root, "tests", "AmpaCds.Persistence.CrashHarness", "bin", RepositoryRoot.Configuration, "net10.0",
                "AmpaCds.Persistence.CrashHarness.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; build the test project in {RepositoryRoot.Configuration}");
        }
    }
}
