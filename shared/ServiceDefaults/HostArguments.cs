namespace AmpaCds.ServiceDefaults;

/// <summary>Arguments every AmpaCds host is built with, on top of its own.</summary>
public static class HostArguments
{
    /// <summary>
    /// Configuration files are read once at start-up, not watched. Watching makes .NET put a
    /// recursive file watcher on the content root (the working directory), and the default data
    /// folder (.local/data) lies inside it: every stored instance then woke the watcher, which cost
    /// Intake about 0.3 ms per instance (measured with deploy/bench-intake.sh's storescu runs).
    /// A changed setting takes a restart, as it does in the containers.
    /// </summary>
    public static string[] WithDefaults(string[] args) => [.. args, "--hostBuilder:reloadConfigOnChange=false"];
}
