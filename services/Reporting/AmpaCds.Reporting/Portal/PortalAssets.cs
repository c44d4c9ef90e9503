using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace AmpaCds.Reporting.Portal;

/// <summary>The portal's stylesheet and script, embedded in the assembly so every shape (CLI, hosts, containers) serves the same bytes.</summary>
public static class PortalAssets
{
    private static readonly FrozenDictionary<string, Asset> Assets = Load();

    public sealed record Asset(byte[] Bytes, string ContentType, string ETag);

    public static Asset? Find(string name) => Assets.GetValueOrDefault(name);

    /// <summary>The stylesheet's text, inlined into the standalone HTML export.</summary>
    public static string Styles => System.Text.Encoding.UTF8.GetString(Assets["portal.css"].Bytes);

    private static FrozenDictionary<string, Asset> Load()
    {
        const string prefix = "AmpaCds.Reporting.Portal.Assets.";
        var assembly = Assembly.GetExecutingAssembly();
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var name = resource[prefix.Length..];
            var type = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            assets[name] = new Asset(bytes, type, $"\"{Convert.ToHexString(SHA256.HashData(bytes))[..16]}\"");
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
