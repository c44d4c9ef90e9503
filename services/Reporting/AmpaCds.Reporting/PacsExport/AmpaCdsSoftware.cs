using System.Reflection;

namespace AmpaCds.Reporting.PacsExport;

/// <summary>The product name and version written as the creating equipment of every exported object.</summary>
public static class AmpaCdsSoftware
{
    public const string Name = "AmpaCds";

    /// <summary>The gateway's informational version (Software Versions is LO: at most 64 characters).</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var assembly = typeof(AmpaCdsSoftware).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0";
        return version.Length <= 64 ? version : version[..64];
    }
}
